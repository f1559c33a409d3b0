import { InputError } from "../../cli/errors.js";
import { hasNestedQuantifier } from "./pattern-safety.js";

/** A JSON Schema object as found upstream: open-ended, checked by `checkSchema`. */
export type JsonSchema = { [key: string]: unknown };

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_SINGLES = ["not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties"];
const NUMBER_KEYS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
/** Deeper than any real request schema; keeps the emitters' recursion bounded. */
export const MAX_SCHEMA_DEPTH = 64;

/** A JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Checks the parts of a request schema the generator relies on and throws an InputError naming
 * `where` and the JSON pointer of the first problem. Only local `$ref`s ("#...") are allowed:
 * a schema from the network must never make the generator read a file or fetch a URL.
 */
export function checkSchema(schema: unknown, where: string): void {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    throw new InputError(`${where}: the request schema must be a JSON object`);
  }
  const root = schema as JsonSchema;
  if (root.type !== undefined && root.type !== "object") {
    throw new InputError(`${where}#/type: the request schema must describe an object (type "object"), got ${JSON.stringify(root.type)}`);
  }
  walk(root, "", 0, where);
}

function walk(node: unknown, pointer: string, depth: number, where: string): void {
  const fail = (at: string, expected: string): never => {
    throw new InputError(`${where}#${at}: ${expected}`);
  };
  if (typeof node === "boolean") return;
  if (node === null || typeof node !== "object" || Array.isArray(node)) fail(pointer, "expected a schema (an object)");
  if (depth > MAX_SCHEMA_DEPTH) fail(pointer, `schema nesting deeper than ${MAX_SCHEMA_DEPTH} levels is not supported`);
  const s = node as JsonSchema;

  const type = s.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0) fail(`${pointer}/type`, "expected a type name or a non-empty list of them");
    for (const t of types) {
      if (typeof t !== "string" || !JSON_TYPES.has(t)) fail(`${pointer}/type`, `unknown type ${JSON.stringify(t)} (expected one of ${[...JSON_TYPES].join(", ")})`);
    }
  }
  if (s.$ref !== undefined) {
    if (typeof s.$ref !== "string" || !s.$ref.startsWith("#")) {
      fail(`${pointer}/$ref`, `only local references ("#/...") are supported, got ${JSON.stringify(s.$ref)}; remote and file references are never fetched`);
    }
  }
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.some((r) => typeof r !== "string"))) {
    fail(`${pointer}/required`, "expected a list of property names");
  }
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) fail(`${pointer}/enum`, "expected a non-empty list of values");
  for (const key of NUMBER_KEYS) {
    if (s[key] !== undefined && (typeof s[key] !== "number" || !Number.isFinite(s[key]))) fail(`${pointer}/${key}`, "expected a number");
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

  for (const key of SCHEMA_MAPS) {
    const map = s[key];
    if (map === undefined) continue;
    if (map === null || typeof map !== "object" || Array.isArray(map)) fail(`${pointer}/${key}`, "expected an object of schemas");
    if (key === "properties" && Object.hasOwn(map as object, "__proto__")) {
      fail(`${pointer}/properties/__proto__`, 'a property named "__proto__" cannot be validated (Ajv skips it, against prototype pollution), so such a schema is refused');
    }
    for (const [name, child] of Object.entries(map as object)) walk(child, `${pointer}/${key}/${pointerSegment(name)}`, depth + 1, where);
  }
  for (const key of SCHEMA_LISTS) {
    const list = s[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`${pointer}/${key}`, "expected a list of schemas");
    (list as unknown[]).forEach((child, i) => walk(child, `${pointer}/${key}/${i}`, depth + 1, where));
  }
  for (const key of [...SCHEMA_SINGLES, "additionalProperties"]) {
    if (s[key] !== undefined) walk(s[key], `${pointer}/${key}`, depth + 1, where);
  }
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) s.items.forEach((child, i) => walk(child, `${pointer}/items/${i}`, depth + 1, where));
    else walk(s.items, `${pointer}/items`, depth + 1, where);
  }
}
