// The Ajv class for a schema's draft: draft-06 and draft-07 with Ajv's default class (draft-06's
// meta-schema added), 2019-09 and 2020-12 with their own. Every class emits standalone code that
// needs only what runtime/validator-support.js provides.
import { Ajv, type Options } from "ajv";
import { createRequire } from "node:module";
import type { Dialect } from "../load/dialect.js";

const require = createRequire(import.meta.url);

/** A new Ajv for `dialect`. The 2019-09 and 2020-12 classes load only for a schema that names them: a schema naming no draft (as Oxen's do) is draft-07. */
export function ajvFor(dialect: Dialect, options: Options): Ajv {
  if (dialect === "2020-12") return new (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020(options);
  if (dialect === "2019-09") return new (require("ajv/dist/2019.js") as typeof import("ajv/dist/2019.js")).Ajv2019(options);
  const ajv = new Ajv(options);
  if (dialect === "draft-06") ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
  return ajv;
}
