// The keywords each supported draft defines, and the annotations of JSON Schema and OpenAPI.
// Anything else (that is not an `x-*` extension) is an unknown keyword: an annotation, as the
// JSON Schema specification says, which generation keeps going past with a warning.
import type { Dialect } from "./dialect.js";

const DRAFT_06 = [
  "$schema", "$id", "$ref", "definitions", "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
  "exclusiveMinimum", "maxLength", "minLength", "pattern", "items", "additionalItems", "maxItems", "minItems", "uniqueItems",
  "contains", "maxProperties", "minProperties", "required", "properties", "patternProperties", "additionalProperties",
  "dependencies", "propertyNames", "allOf", "anyOf", "oneOf", "not", "format", "title", "description", "default", "examples",
];
const DRAFT_07 = [...DRAFT_06, "$comment", "if", "then", "else", "readOnly", "writeOnly", "contentMediaType", "contentEncoding"];
const DRAFT_2019 = [
  ...DRAFT_07, "$defs", "$anchor", "$vocabulary", "$recursiveRef", "$recursiveAnchor", "dependentRequired", "dependentSchemas",
  "unevaluatedItems", "unevaluatedProperties", "maxContains", "minContains", "deprecated", "contentSchema",
];
// 2020-12 replaced $recursiveRef by $dynamicRef and additionalItems by prefixItems/items.
const DRAFT_2020 = [...DRAFT_2019.filter((k) => !["$recursiveRef", "$recursiveAnchor", "additionalItems"].includes(k)), "$dynamicRef", "$dynamicAnchor", "prefixItems"];

const BY_DIALECT: Record<Dialect, ReadonlySet<string>> = {
  "draft-06": new Set(DRAFT_06),
  "draft-07": new Set(DRAFT_07),
  "2019-09": new Set(DRAFT_2019),
  "2020-12": new Set(DRAFT_2020),
};

/**
 * Keywords known in every dialect: `$defs` (Ajv reads it in draft-07 too, and OpenAPI documents
 * use it), OpenAPI 3.0/3.1's own (`nullable` is validated by Ajv; the rest annotate), the
 * annotations of later drafts, and Oxen's `basic` and `renderType`.
 */
const ALWAYS = new Set([
  "$defs", "nullable", "discriminator", "xml", "externalDocs", "example", "deprecated", "readOnly", "writeOnly",
  "contentMediaType", "contentEncoding", "contentSchema", "$comment", "basic", "renderType",
]);

/** Whether `keyword` means something in `dialect` (or is an `x-*` extension). */
export function isKnownKeyword(keyword: string, dialect: Dialect): boolean {
  return keyword.startsWith("x-") || BY_DIALECT[dialect].has(keyword) || ALWAYS.has(keyword);
}

/** What Ajv accepts as a keyword name; an annotation named otherwise (fal's tuple written as `items: {"0": …}`) cannot be registered. */
export const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
