// Pure transformations of a request schema into the form each emitter needs.
import { CLOSED_MARK } from "../../runtime/validation.js";
import type { JsonSchema } from "./schema-check.js";

const COMPOSITION = ["anyOf", "oneOf", "allOf"];
const SUBSCHEMA_MAPS = ["properties", "definitions", "$defs", "patternProperties"];

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Property names in display order: `x-order` ascending, then the order given. */
export function orderedPropertyNames(schema: JsonSchema): string[] {
  const props = isSchema(schema.properties) ? schema.properties : {};
  const names = Object.keys(props);
  const order = (name: string): number => {
    const o = (props[name] as JsonSchema)["x-order"];
    return typeof o === "number" ? o : Number.POSITIVE_INFINITY;
  };
  return names.map((name, i) => ({ name, i })).sort((a, b) => order(a.name) - order(b.name) || a.i - b.i).map((e) => e.name);
}

/** Copies a map keeping "__proto__" and the like as own keys. */
function ownEntriesObject(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Applies `fn` to every subschema (not the node itself), rebuilding the containers. */
function mapSubschemas(node: JsonSchema, fn: (child: JsonSchema | boolean, key: string) => unknown): JsonSchema {
  const out: JsonSchema = { ...node };
  for (const key of SUBSCHEMA_MAPS) {
    if (!isSchema(node[key])) continue;
    const names = key === "properties" ? orderedPropertyNames(node) : Object.keys(node[key]);
    out[key] = ownEntriesObject(names.map((n) => [n, fn((node[key] as JsonSchema)[n] as JsonSchema, key)]));
  }
  for (const key of COMPOSITION) if (Array.isArray(node[key])) out[key] = (node[key] as JsonSchema[]).map((c) => fn(c, key));
  if (Array.isArray(node.items)) out.items = node.items.map((c) => fn(c as JsonSchema, "items"));
  else if (node.items !== undefined) out.items = fn(node.items as JsonSchema, "items");
  for (const key of ["additionalProperties", "not"]) if (isSchema(node[key])) out[key] = fn(node[key] as JsonSchema, key);
  return out;
}

/** Keywords that only annotate: they change no validation result, so validators leave them out. */
function isAnnotation(key: string): boolean {
  return ["title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "basic", "renderType"].includes(key) || key.startsWith("x-");
}

/**
 * Whether a composition branch mentions no key beyond `names` (and nothing, such as a `$ref`, that
 * could): closing its parent at `names` then changes no verdict. An overlay's
 * `anyOf: [{ required: ["prompt"] }, …]` is such a branch.
 */
function declaresOnly(branch: unknown, names: readonly string[]): boolean {
  if (typeof branch === "boolean") return true;
  if (!isSchema(branch)) return false;
  const open = ["$ref", "patternProperties", "additionalProperties", "dependencies", "dependentSchemas", "dependentRequired", "if", "then", "else", "unevaluatedProperties"];
  if (open.some((k) => branch[k] !== undefined)) return false;
  const keys = [...Object.keys(isSchema(branch.properties) ? branch.properties : {}), ...(Array.isArray(branch.required) ? branch.required : [])];
  if (!keys.every((k) => names.includes(k as string))) return false;
  return COMPOSITION.every((k) => branch[k] === undefined || (Array.isArray(branch[k]) && (branch[k] as unknown[]).every((b) => declaresOnly(b, names))));
}

/**
 * The schema Ajv compiles: annotations dropped (a validator embeds its schema, and a long
 * description would only make it bigger), and objects that list their properties and say nothing
 * about others closed (`additionalProperties: false` plus CLOSED_MARK), because the API passes a
 * typo through silently. Composition branches are left open: closing one would reject its
 * siblings' properties. Unknown keywords stay, for Ajv's strict mode to reject.
 */
export function validatorSchema(schema: JsonSchema): JsonSchema {
  const close = (node: JsonSchema | boolean, closable: boolean): JsonSchema | boolean => {
    if (typeof node === "boolean") return node;
    const out = mapSubschemas(node, (child, key) => close(child, !COMPOSITION.includes(key)));
    for (const key of Object.keys(out)) if (isAnnotation(key)) delete out[key];
    const names = isSchema(node.properties) ? Object.keys(node.properties) : [];
    const composed = node.$ref !== undefined || COMPOSITION.some((k) => node[k] !== undefined && !(node[k] as unknown[]).every((b) => declaresOnly(b, names)));
    if (closable && !composed && isSchema(node.properties) && node.additionalProperties === undefined && node.patternProperties === undefined) {
      out.additionalProperties = false;
      out[CLOSED_MARK] = true;
    }
    return out;
  };
  return close(schema, true) as JsonSchema;
}

/** Every non-standard annotation key in a schema (`x-*`, `basic`, `renderType`), sorted. */
export function annotationKeys(schema: unknown): string[] {
  const keys = new Set<string>(["basic", "renderType", "x-order", CLOSED_MARK]);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isSchema(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k.startsWith("x-")) keys.add(k);
        visit(v);
      }
    }
  };
  visit(schema);
  return [...keys].sort();
}

// Keys json-schema-to-typescript reads that describe the shape; everything else (its own tsType
// and tsEnumNames among them) is dropped so that no schema text can become a type expression.
const TYPE_SHAPE_KEYS = ["type", "enum", "const", "required", "$ref", "additionalProperties"];

/**
 * The schema json-schema-to-typescript sees: shape keys only, properties in display order, no
 * titles below the root (so nested objects are inlined, never named Foo1/Foo2), and the
 * documentation composed by `describe` in `description`.
 */
export function typeSchema(schema: JsonSchema, rootTitle: string, describe: (node: JsonSchema) => string): JsonSchema {
  const shape = (node: JsonSchema | boolean): JsonSchema | boolean => {
    if (typeof node === "boolean") return node;
    const mapped = mapSubschemas(node, (child) => shape(child));
    const out: JsonSchema = {};
    for (const key of [...TYPE_SHAPE_KEYS, ...SUBSCHEMA_MAPS, ...COMPOSITION, "items", "not"]) {
      if (key === "patternProperties" || key === "not") continue; // TypeScript cannot express them
      if (mapped[key] !== undefined) out[key] = mapped[key];
    }
    // An object that lists no properties accepts any keys: say so, rather than `{}` (any non-null value).
    if (out.type === "object" && out.properties === undefined && out.additionalProperties === undefined) out.additionalProperties = true;
    const text = describe(node);
    if (text !== "") out.description = text;
    return out;
  };
  return { ...(shape(schema) as JsonSchema), title: rootTitle };
}
