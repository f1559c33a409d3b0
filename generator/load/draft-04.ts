// Draft-04 schemas, and the boolean exclusiveMinimum/exclusiveMaximum that OpenAPI 3.0's schema
// objects keep from draft-04, read as the draft-07 schema that says the same, so that every later
// stage (and Ajv, which has no draft-04 in its main package) knows one form.
import { META_SCHEMA } from "./dialect.js";
import type { JsonSchema, SchemaIssue } from "./schema-check.js";
import { forEachSubschema } from "./schema-views.js";

/** Whether a `$schema` value names draft-04 (http or https, with or without the empty fragment). */
export function isDraft04(schemaUri: unknown): boolean {
  return typeof schemaUri === "string" && /^https?:\/\/json-schema\.org\/draft-04\/schema#?$/.test(schemaUri);
}

/**
 * Keywords later drafts added that assert or resolve something: in a draft-04 schema they are
 * unknown, so they assert nothing, and they are left out. (`$id` is draft-04's `id`, renamed.)
 */
const LATER_KEYWORDS = [
  "$id", "const", "contains", "propertyNames", "if", "then", "else", "dependentRequired", "dependentSchemas", "prefixItems",
  "unevaluatedItems", "unevaluatedProperties", "minContains", "maxContains", "$anchor", "$recursiveRef", "$recursiveAnchor",
  "$dynamicRef", "$dynamicAnchor",
];

const BOUNDS = [
  ["exclusiveMinimum", "minimum"],
  ["exclusiveMaximum", "maximum"],
] as const;

/** Whether anything below `node` needs reading as draft-04: a boolean exclusive bound. */
function hasBooleanBound(node: JsonSchema | boolean): boolean {
  if (typeof node === "boolean") return false;
  if (BOUNDS.some(([flag]) => typeof node[flag] === "boolean")) return true;
  let found = false;
  forEachSubschema(node, (child) => void (found ||= hasBooleanBound(child)));
  return found;
}

/**
 * `schema` in draft-07's form, and what was said about it: the same object when nothing needs
 * reading (the usual case), else a copy. A draft-04 schema takes draft-07's `$schema`, `id`
 * becomes `$id`, and the later drafts' keywords are left out (each with a warning). In any draft,
 * `exclusiveMinimum: true` beside `minimum: 5` becomes `exclusiveMinimum: 5`, and a false one goes;
 * outside draft-04 that is said in a warning, since the drafts after it give the flag no meaning.
 */
export function asDraft07(schema: JsonSchema): { schema: JsonSchema; warnings: SchemaIssue[] } {
  const draft04 = isDraft04(schema.$schema);
  if (!draft04 && !hasBooleanBound(schema)) return { schema, warnings: [] };
  const warnings: SchemaIssue[] = [];
  const read = (node: JsonSchema, pointer: string): void => {
    if (draft04) {
      for (const key of LATER_KEYWORDS) {
        if (!Object.hasOwn(node, key)) continue;
        delete node[key];
        warnings.push({ pointer: `${pointer}/${key}`, message: `${key} is not a draft-04 keyword, so it asserts nothing here: left out` });
      }
      if (typeof node.id === "string") {
        node.$id = node.id;
        delete node.id;
      }
    }
    for (const [flag, bound] of BOUNDS) {
      if (typeof node[flag] !== "boolean") continue;
      const limit = node[bound];
      const exclusive = node[flag] === true && typeof limit === "number" ? limit : undefined;
      delete node[flag];
      if (exclusive !== undefined) {
        node[flag] = exclusive;
        delete node[bound];
      }
      if (!draft04) warnings.push({ pointer: `${pointer}/${flag}`, message: `a boolean ${flag} is draft-04's (and OpenAPI 3.0's) form: read as ${exclusive === undefined ? "nothing, and left out" : `${flag}: ${exclusive}`}` });
    }
    forEachSubschema(node, (child, at) => typeof child !== "boolean" && read(child, pointer + at));
  };
  const copy = structuredClone(schema);
  read(copy, "");
  if (draft04) copy.$schema = META_SCHEMA["draft-07"];
  return { schema: copy, warnings };
}
