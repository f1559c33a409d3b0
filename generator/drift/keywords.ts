// What each schema keyword of draft-07, 2019-09, 2020-12 and OpenAPI 3.0/3.1 is to the diff: the
// rule catalogue claims keywords by these groups, so a keyword no spec knows is told apart from a
// known one.
import { formats } from "../../runtime/validator-support.js";

/** Keywords that only annotate: the generated validator ignores them. */
export const ANNOTATIONS = [
  "$comment",
  "$id",
  "$schema",
  "$anchor",
  "$dynamicAnchor",
  "$recursiveAnchor",
  "$vocabulary",
  "readOnly",
  "writeOnly",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
  // OpenAPI: Ajv is not asked to enforce the discriminator, so it only documents the oneOf.
  "discriminator",
  "xml",
  "externalDocs",
];

/** Keywords that have rules of their own or are compared through their subschemas. */
export const VALIDATION = [
  "type",
  "nullable",
  "enum",
  "const",
  "required",
  "properties",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "unevaluatedItems",
  "contains",
  "minContains",
  "maxContains",
  "uniqueItems",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "pattern",
  "format",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
  "$dynamicRef",
  "$recursiveRef",
  "definitions",
  "$defs",
];

/** Annotations with rules of their own (see the rules of those names). */
export const DOCUMENTED = ["title", "description", "examples", "example", "default", "deprecated", "x-order", "basic", "renderType"];

/** A keyword no spec defines and that is not a vendor extension: the validator treats it as an annotation. */
export function isUnknownKeyword(keyword: string): boolean {
  return !keyword.startsWith("x-") && !ANNOTATIONS.includes(keyword) && !VALIDATION.includes(keyword) && !DOCUMENTED.includes(keyword) && !keyword.startsWith(IGNORED_PREFIX);
}

/** The formats the generated validator checks; any other format is an annotation. */
export function isCheckedFormat(format: unknown): boolean {
  return typeof format === "string" && Object.hasOwn(formats, format);
}

/**
 * How the compared form of a node names a keyword the validator ignores where it stands (`then`
 * without `if`, `minContains` without `contains`, an unchecked `format`): `ignored:then`.
 */
export const IGNORED_PREFIX = "ignored:";
