// Pure transformations of a request schema into the form each emitter needs.
import { pointerSegment, type JsonSchema } from "./schema-check.js";
import { refOverridesSiblings, schemaDialect } from "./dialect.js";
import { isKnownKeyword } from "./keywords.js";
import { decodeSegment } from "./schema-refs.js";

const COMPOSITION = ["anyOf", "oneOf", "allOf"];
const SUBSCHEMA_MAPS = ["properties", "definitions", "$defs", "patternProperties", "dependentSchemas", "dependencies"];
const SUBSCHEMA_LISTS = [...COMPOSITION, "prefixItems"];
const SUBSCHEMA_SINGLES = ["additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties"];

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Property names in display order: the upstream's order list first (an `x-*-order-properties`
 * list beside them, as fal publishes `x-fal-order-properties`), then by `x-order` ascending,
 * then in the order given.
 */
export function orderedPropertyNames(schema: JsonSchema): string[] {
  const props = isSchema(schema.properties) ? schema.properties : {};
  const names = Object.keys(props);
  const listKey = Object.keys(schema).find((k) => /^x-(.+-)?order-properties$/.test(k) && Array.isArray(schema[k]));
  const list = listKey === undefined ? [] : (schema[listKey] as unknown[]);
  const rank = (name: string): [number, number] => {
    const listed = list.indexOf(name);
    const o = isSchema(props[name]) ? (props[name] as JsonSchema)["x-order"] : undefined;
    return [listed === -1 ? Number.POSITIVE_INFINITY : listed, typeof o === "number" ? o : Number.POSITIVE_INFINITY];
  };
  const ranked = names.map((name, i) => ({ name, i, rank: rank(name) }));
  return ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i).map((e) => e.name);
}

/** Copies a map keeping "__proto__" an own key: the one name that assigning would not make one. */
export function ownEntriesObject<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries) {
    // defineProperty is several times slower than assigning, so only the key that needs it gets it.
    if (k === "__proto__") Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** Calls `fn` with every direct subschema of `node` (not the node itself) and where it is, relative to `node`. */
export function forEachSubschema(node: JsonSchema, fn: (child: JsonSchema | boolean, pointer: string) => void): void {
  const visit = (child: unknown, pointer: string): void => void ((isSchema(child) || typeof child === "boolean") && fn(child, pointer));
  for (const key of SUBSCHEMA_MAPS) {
    // `dependencies` also holds lists of names, which `visit` passes over.
    if (isSchema(node[key])) for (const [name, child] of Object.entries(node[key])) visit(child, `/${key}/${pointerSegment(name)}`);
  }
  for (const key of [...SUBSCHEMA_LISTS, "items"]) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => visit(child, `/${key}/${i}`));
  for (const key of [...SUBSCHEMA_SINGLES, "items"]) visit(node[key], `/${key}`);
}

/** Applies `fn` to every subschema (not the node itself), rebuilding the containers. */
function mapSubschemas(node: JsonSchema, fn: (child: JsonSchema | boolean, key: string) => unknown): JsonSchema {
  const out: JsonSchema = { ...node };
  for (const key of SUBSCHEMA_MAPS) {
    if (!isSchema(node[key])) continue;
    const names = key === "properties" ? orderedPropertyNames(node) : Object.keys(node[key]);
    // `dependencies` also holds lists of names, which are kept as they are.
    out[key] = ownEntriesObject(names.map((n) => [n, Array.isArray((node[key] as JsonSchema)[n]) ? (node[key] as JsonSchema)[n] : fn((node[key] as JsonSchema)[n] as JsonSchema, key)]));
  }
  for (const key of SUBSCHEMA_LISTS) if (Array.isArray(node[key])) out[key] = (node[key] as JsonSchema[]).map((c) => fn(c, key));
  if (Array.isArray(node.items)) out.items = node.items.map((c) => fn(c as JsonSchema, "items"));
  else if (node.items !== undefined) out.items = fn(node.items as JsonSchema, "items");
  for (const key of SUBSCHEMA_SINGLES) if (isSchema(node[key]) || typeof node[key] === "boolean") out[key] = fn(node[key] as JsonSchema, key);
  return out;
}

/** Keywords that only annotate: they change no validation result, so validators leave them out. */
function isAnnotation(key: string): boolean {
  return ["title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "basic", "renderType"].includes(key) || key.startsWith("x-");
}

/** The one pattern that matches the key "__proto__" alone. */
const PROTO_PATTERN = "^__proto__$";

/**
 * A node's `properties.__proto__` moved to `patternProperties`, which says the same of the key: Ajv
 * leaves a property of that name out of `properties` (against prototype pollution), while its
 * patternProperties loop reads an own "__proto__" key as any other. `additionalProperties` and
 * `unevaluatedProperties` count a key a pattern matches as they count a named one.
 */
function protoAsPattern(node: JsonSchema): Pick<JsonSchema, "properties" | "patternProperties"> {
  const properties = node.properties as JsonSchema;
  const patterns = isSchema(node.patternProperties) ? node.patternProperties : {};
  const moved = properties.__proto__;
  const same = Object.hasOwn(patterns, PROTO_PATTERN) ? { allOf: [patterns[PROTO_PATTERN], moved] } : moved;
  return {
    properties: ownEntriesObject(Object.entries(properties).filter(([name]) => name !== "__proto__")),
    patternProperties: ownEntriesObject([...Object.entries(patterns).filter(([p]) => p !== PROTO_PATTERN), [PROTO_PATTERN, same]]),
  };
}

/** Keywords that hold subschemas a `$ref` may point into: kept beside a draft-07 `$ref`, which ignores the rest. */
const REF_SIBLINGS_KEPT = ["$ref", "definitions", "$defs"];

/** Every key a local reference (`#/...`) passes through, wherever it is written. */
function referencedKeys(schema: JsonSchema): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isSchema(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.includes("#/")) for (const s of value.slice(value.indexOf("#/") + 2).split("/")) keys.add(decodeSegment(s));
        else visit(value);
      }
    }
  };
  visit(schema);
  return keys;
}

/**
 * The schema Ajv compiles: the request schema with its annotations and unknown keywords dropped
 * (a validator embeds its schema, and a long description would only make it bigger; Ajv would
 * read an `$id` inside an unknown keyword as a resource), and in draft-07, where `$ref` overrides
 * its siblings, those siblings too. A key a local `$ref` passes through is kept, so that the
 * reference still lands. Nothing is closed here: the closed mode is a separate check of the keys
 * (declared-keys.ts), so the validator's verdict is the schema's own.
 */
export function validatorSchema(schema: JsonSchema): JsonSchema {
  const dialect = schemaDialect(schema);
  const draft7 = refOverridesSiblings(dialect);
  let referenced: Set<string> | undefined;
  const unused = (key: string): boolean => (isAnnotation(key) || !isKnownKeyword(key, dialect)) && !(referenced ??= referencedKeys(schema)).has(key);
  const strip = (node: JsonSchema | boolean): JsonSchema | boolean => {
    if (typeof node === "boolean") return node;
    const out = mapSubschemas(node, (child) => strip(child));
    // Ajv refuses `enum: []`, which no value matches; `not: {}` says the same.
    if (Array.isArray(out.enum) && out.enum.length === 0) {
      delete out.enum;
      if (out.not === undefined) out.not = {};
      else out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { not: {} }];
    }
    if (isSchema(out.properties) && Object.hasOwn(out.properties, "__proto__")) Object.assign(out, protoAsPattern(out));
    for (const key of Object.keys(out)) {
      if (unused(key) || (draft7 && typeof node.$ref === "string" && !REF_SIBLINGS_KEPT.includes(key))) delete out[key];
    }
    return out;
  };
  const out = strip(schema) as JsonSchema;
  if (schema.$schema !== undefined) out.$schema = schema.$schema;
  return out;
}

