import { defaultContradiction } from "./defaults.js";
import { dialectOf, refOverridesSiblings, SUPPORTED_DIALECTS, type Dialect } from "./dialect.js";
import { isKnownKeyword, KEYWORD_NAME } from "./keywords.js";
import { hasNestedQuantifier } from "./pattern-safety.js";
import { baseOf, DOCUMENT_BASE, refResolver, type Refs } from "./schema-refs.js";

/** A JSON Schema object as found upstream: open-ended, checked by `checkSchema`. */
export type JsonSchema = { [key: string]: unknown };

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_SINGLES = [
  "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "additionalProperties", "unevaluatedItems",
  "unevaluatedProperties", "contentSchema",
];
const NUMBER_KEYS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"];
/** Deeper than any real request schema; keeps the emitters' recursion bounded. */
export const MAX_SCHEMA_DEPTH = 64;

/** A JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Something to say about one place in a schema: `pointer` is a JSON pointer into it ("" for the root). */
export interface SchemaIssue {
  pointer: string;
  message: string;
}

/** A schema the generator refuses, at `pointer`. */
export class SchemaRefusal extends Error {
  override name = "SchemaRefusal";
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SchemaCheck {
  dialect: Dialect;
  /** Keywords used that are neither known in `dialect` nor `x-*`, sorted: annotations. */
  unknownKeywords: string[];
  /** Whether the emitters can take the schema as it is, or need `normalizeForEmit` (a plain-name fragment, a `$ref` to a boolean, a keyword no validator can name). */
  normalized: boolean;
  /** Things generation goes on past: unknown keywords (annotations), defaults their schema rejects. */
  warnings: SchemaIssue[];
}

/**
 * Checks the parts of a request schema the generator relies on. Throws a SchemaRefusal at the first
 * thing that cannot be honoured safely: a `$ref` that is not local ("#...") or points nowhere or
 * only at itself, a pattern that can backtrack catastrophically, a value no draft allows. A schema
 * from the network never makes the generator read a file or fetch a URL.
 */
export function checkSchema(schema: unknown): SchemaCheck {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) throw new SchemaRefusal("", "the request schema must be a JSON object");
  const root = schema as JsonSchema;
  const dialect = dialectOf(root.$schema);
  if (dialect === undefined) {
    throw new SchemaRefusal("/$schema", `unsupported $schema ${JSON.stringify(root.$schema)} (supported: ${SUPPORTED_DIALECTS.join(", ")})`);
  }
  const types = typeof root.type === "string" ? [root.type] : Array.isArray(root.type) ? root.type : undefined;
  if (root.type !== undefined && !types?.includes("object")) {
    throw new SchemaRefusal("/type", `the request schema must describe an object (type "object"), got ${JSON.stringify(root.type)}`);
  }
  const ctx: Walk = { dialect, refs: refResolver(root), warnings: [], unknown: new Set(), normalized: true, dynamic: false };
  walk(ctx, root, DOCUMENT_BASE, "", 0);
  // Ajv 8 can resolve a reference by URI and a dynamic reference of the same document without end.
  if (ctx.dynamic && ctx.uriRef !== undefined) fail(ctx.uriRef, "a reference by URI in a schema that also uses $dynamicRef or $recursiveRef is not supported (Ajv 8 can loop on the two)");
  return { dialect, warnings: ctx.warnings, unknownKeywords: [...ctx.unknown].sort(), normalized: ctx.normalized };
}

interface Walk {
  dialect: Dialect;
  refs: Refs;
  warnings: SchemaIssue[];
  unknown: Set<string>;
  normalized: boolean;
  /** Where the first reference by URI (to an embedded resource) is. */
  uriRef?: string;
  /** Whether a `$dynamicRef` or `$recursiveRef` is anywhere. */
  dynamic: boolean;
}

function fail(at: string, expected: string): never {
  throw new SchemaRefusal(at, expected);
}

// Plain functions rather than closures inside `walk`: it runs once per schema node of every model.
// `parentBase`: the base URI of the schema holding `node`, against which `node`'s own `$id` resolves.
function walk(ctx: Walk, node: unknown, parentBase: string, pointer: string, depth: number): void {
  if (typeof node === "boolean") return;
  if (node === null || typeof node !== "object" || Array.isArray(node)) fail(pointer, "expected a schema (an object or a boolean)");
  if (depth > MAX_SCHEMA_DEPTH) fail(pointer, `schema nesting deeper than ${MAX_SCHEMA_DEPTH} levels is not supported`);
  const s = node as JsonSchema;
  // A nested `$id` other than a plain name starts a new resource: "#/..." inside it is relative to it.
  const base = baseOf(s, parentBase);

  for (const key of Object.keys(s)) {
    if (!isKnownKeyword(key, ctx.dialect)) {
      ctx.unknown.add(key);
      if (!KEYWORD_NAME.test(key)) ctx.normalized = false;
      ctx.warnings.push({ pointer: `${pointer}/${pointerSegment(key)}`, message: `unknown keyword "${key}" (not ${ctx.dialect} JSON Schema, OpenAPI, nor an x- extension): kept as an annotation, not validated` });
    }
  }
  const type = s.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0) fail(`${pointer}/type`, "expected a type name or a non-empty list of them");
    for (const t of types) {
      if (typeof t !== "string" || !JSON_TYPES.has(t)) fail(`${pointer}/type`, `unknown type ${JSON.stringify(t)} (expected one of ${[...JSON_TYPES].join(", ")})`);
    }
  }
  if (s.$dynamicRef !== undefined || s.$recursiveRef !== undefined) ctx.dynamic = true;
  if (s.$ref !== undefined) {
    if (typeof s.$ref !== "string") fail(`${pointer}/$ref`, `expected a reference (a URI), got ${JSON.stringify(s.$ref)}`);
    const target = ctx.refs.resolve(s.$ref as string, base)?.target;
    // A reference by URI is honoured when it names a resource the schema embeds (its `$id`); nothing is fetched.
    if (target === undefined && !(s.$ref as string).startsWith("#")) {
      fail(`${pointer}/$ref`, `only local references are supported ("#/...", or the $id of a resource the schema embeds), got ${JSON.stringify(s.$ref)}; remote and file references are never fetched`);
    }
    if (target === undefined) fail(`${pointer}/$ref`, `${JSON.stringify(s.$ref)} points at nothing in this schema (a definition the document does not define)`);
    if (!(s.$ref as string).startsWith("#")) ctx.uriRef ??= `${pointer}/$ref`;
    // Draft-07 ignores an `$id` beside a `$ref`; the emitters get the schema without it.
    if (refOverridesSiblings(ctx.dialect) && typeof s.$id === "string" && !s.$id.startsWith("#")) ctx.normalized = false;
    // A plain-name fragment (`#foo`) and a `$ref` to a boolean schema are rewritten for the emitters.
    const plainName = s.$ref !== "#" && !(s.$ref as string).startsWith("#/");
    if (plainName || typeof target === "boolean") ctx.normalized = false;
    if (ctx.refs.loopsToItself(s, base)) fail(`${pointer}/$ref`, `${JSON.stringify(s.$ref)} only refers back to itself: validating it would never end`);
  }
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.some((r) => typeof r !== "string"))) {
    fail(`${pointer}/required`, "expected a list of property names");
  }
  if (s.enum !== undefined && !Array.isArray(s.enum)) fail(`${pointer}/enum`, "expected a list of values");
  if (Array.isArray(s.enum) && s.enum.length === 0) ctx.warnings.push({ pointer: `${pointer}/enum`, message: "an empty list: no value is accepted here" });
  for (const key of NUMBER_KEYS) {
    if (s[key] === undefined) continue;
    if (typeof s[key] !== "number" || !Number.isFinite(s[key])) fail(`${pointer}/${key}`, "expected a number");
  }
  if (s.pattern !== undefined) {
    if (typeof s.pattern !== "string") fail(`${pointer}/pattern`, "expected a regular expression string");
    try {
      new RegExp(s.pattern as string, "u");
    } catch {
      fail(`${pointer}/pattern`, `not a valid regular expression: ${JSON.stringify(s.pattern)}`);
    }
    if (hasNestedQuantifier(s.pattern as string)) {
      fail(`${pointer}/pattern`, `${JSON.stringify(s.pattern)} repeats a group that repeats itself, which can backtrack catastrophically and hang a validator; such patterns are refused`);
    }
  }
  if (s.format !== undefined && typeof s.format !== "string") fail(`${pointer}/format`, "expected a format name");
  const contradiction = defaultContradiction(s);
  if (contradiction !== undefined) ctx.warnings.push({ pointer: `${pointer}/default`, message: `${contradiction}: left out of the generated defaults` });

  for (const key of SCHEMA_MAPS) {
    const map = s[key];
    if (map === undefined || !isKnownKeyword(key, ctx.dialect)) continue;
    if (map === null || typeof map !== "object" || Array.isArray(map)) fail(`${pointer}/${key}`, "expected an object of schemas");
    for (const [name, child] of Object.entries(map as object)) walk(ctx, child, base, `${pointer}/${key}/${pointerSegment(name)}`, depth + 1);
  }
  if (s.dependencies !== undefined && isKnownKeyword("dependencies", ctx.dialect)) {
    if (s.dependencies === null || typeof s.dependencies !== "object" || Array.isArray(s.dependencies)) fail(`${pointer}/dependencies`, "expected an object of schemas or property lists");
    for (const [name, child] of Object.entries(s.dependencies as object)) {
      if (!Array.isArray(child)) walk(ctx, child, base, `${pointer}/dependencies/${pointerSegment(name)}`, depth + 1);
    }
  }
  for (const key of SCHEMA_LISTS) {
    const list = s[key];
    if (list === undefined || !isKnownKeyword(key, ctx.dialect)) continue;
    if (!Array.isArray(list)) fail(`${pointer}/${key}`, "expected a list of schemas");
    for (let i = 0; i < list.length; i++) walk(ctx, list[i], base, `${pointer}/${key}/${i}`, depth + 1);
  }
  for (const key of SCHEMA_SINGLES) if (s[key] !== undefined && isKnownKeyword(key, ctx.dialect)) walk(ctx, s[key], base, `${pointer}/${key}`, depth + 1);
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) s.items.forEach((child, i) => walk(ctx, child, base, `${pointer}/items/${i}`, depth + 1));
    else if (s.items !== null && (typeof s.items === "object" || typeof s.items === "boolean")) walk(ctx, s.items, base, `${pointer}/items`, depth + 1);
    else fail(`${pointer}/items`, `expected a schema or a list of schemas, got ${JSON.stringify(s.items)}`);
  }
}
