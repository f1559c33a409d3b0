// The Ajv class for a schema's draft: draft-06 and draft-07 with Ajv's default class (draft-06's
// meta-schema added), 2019-09 and 2020-12 with their own. Every class emits standalone code that
// needs only what runtime/validator-support.js provides.
import { Ajv, type Options } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import { createRequire } from "node:module";
import type { Dialect } from "../load/dialect.js";
import { ANNOTATION_KEYWORDS } from "../load/keywords.js";
import { checkSchema, SchemaRefusal } from "../load/schema-check.js";

const require = createRequire(import.meta.url);

/** A new Ajv for `dialect`. */
export function ajvFor(dialect: Dialect, options: Options): Ajv {
  if (dialect === "2020-12") return new Ajv2020(options);
  if (dialect === "2019-09") return new Ajv2019(options);
  const ajv = new Ajv(options);
  if (dialect === "draft-06") ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
  return ajv;
}

/**
 * The keywords Ajv is told are annotations, so that strict mode still rejects nothing else: those
 * of JSON Schema and OpenAPI this Ajv does not know, and the unknown keywords the load stage warned
 * about (an annotation, as the JSON Schema specification says).
 */
export function annotationsFor(ajv: Ajv, schema: unknown): string[] {
  let unknown: string[] = [];
  try {
    unknown = checkSchema(schema).unknownKeywords;
  } catch (error) {
    // A refused schema never reaches emit through `generate`; compiled directly, Ajv says what is wrong with it.
    if (!(error instanceof SchemaRefusal)) throw error;
  }
  // RULES.keywords holds every keyword the instance knows, with a definition or without (`$id`, an annotation).
  // Ajv resolves `$anchor` itself but has no keyword for it, so strict mode would call it unknown.
  return [...new Set([...ANNOTATION_KEYWORDS, ...unknown, "$anchor"])].filter((k) => ajv.RULES.keywords[k] !== true).sort();
}
