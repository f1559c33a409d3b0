import { _, type Ajv, type Options } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import * as support from "../../runtime/validator-support.js";
import { InputError } from "../../cli/errors.js";
import { indentCode } from "./layout.js";
import type { JsonSchema } from "../load/schema-check.js";
import { declaredKeyTable } from "../load/declared-keys.js";
import { schemaDialect, type Dialect } from "../load/dialect.js";
import { validatorSchema } from "../load/schema-views.js";
import { jsValue } from "./escape.js";
import { ajvFor } from "./ajv-class.js";
import { compactValidator } from "./compact-validator.js";
import { reportedKeywords } from "./validator-parts.js";
import type { KeyNode } from "../../runtime/declared-keys.js";

/** Each format's check, by the name runtime/validator-support.js exports it under. */
const FORMAT_EXPORTS = new Map(Object.entries(support.formats).map(([format, check]) => [format, Object.keys(support).find((name) => name !== "formats" && (support as Record<string, unknown>)[name] === check)!]));

/** What standalone code may call at run time, and the name it has in runtime/validator-support.js. */
const RUNTIME_FUNCTIONS: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
  'require("ajv/dist/runtime/equal").default': "equal",
};

/** Ajv as the generator and the tests configure it: all errors. */
export function ajvOptions(): Options {
  // strictRequired off: `required` may name a property declared elsewhere (a branch, a definition), as JSON Schema allows.
  // strictSchema off: Ajv's strict mode refuses schemas that JSON Schema allows (`then` without `if`,
  // `additionalItems` without `items`, a property that also matches a pattern) and unknown keywords,
  // which are annotations (the load stage warns of them).
  return { allErrors: true, allowUnionTypes: true, strict: true, strictSchema: false, strictTypes: false, strictTuples: false, strictRequired: false, logger: false };
}

/** Checks schemas against their draft's meta-schema; one per draft, since compiling a meta-schema costs more than compiling a model. */
const metaCheckers = new Map<Dialect, Ajv>();

/** The meta-schema's first complaint about `schema`, as `#<pointer>: <message>`, or undefined when it is a valid schema. */
function metaSchemaErrors(schema: unknown): string | undefined {
  const dialect = schemaDialect(schema);
  let checker = metaCheckers.get(dialect);
  if (checker === undefined) metaCheckers.set(dialect, (checker = ajvFor(dialect, { ...ajvOptions(), strict: false })));
  if (checker.validateSchema(schema as object) as boolean) return undefined;
  const first = checker.errors![0]!;
  return `#${first.instancePath}: the schema is invalid: ${first.instancePath === "" ? "it" : "this"} ${first.message ?? "fails the meta-schema"}`;
}

/** A configured Ajv for one schema: the formats of runtime/validator-support.js checked, other formats registered as unchecked annotations. */
export function createAjv(schema: unknown, options: Options = {}): Ajv {
  const ajv = ajvFor(schemaDialect(schema), { ...ajvOptions(), ...options });
  for (const [name, check] of Object.entries(support.formats)) ajv.addFormat(name, check);
  for (const name of formatNames(schema)) if (!(name in support.formats)) ajv.addFormat(name, true);
  return ajv;
}

function formatNames(schema: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "format" && typeof v === "string") names.add(v);
        visit(v);
      }
    }
  };
  visit(schema);
  return names;
}

/** JSON with an object member or a nested array a line; arrays of plain values stay on one line. indentCode indents it. */
function spreadJson(value: unknown): string {
  if (Array.isArray(value)) {
    return value.every((v) => v === null || typeof v !== "object") ? JSON.stringify(value) : `[\n${value.map(spreadJson).join(",\n")}\n]`;
  }
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spreadJson(v)}`);
    return members.length === 0 ? "{}" : `{\n${members.join(",\n")}\n}`;
  }
  return JSON.stringify(value);
}

/**
 * Spreads the schema constants Ajv emits on one line (`const schema0 = {...};`) over lines.
 * They are JSON, so they are parsed and printed again, keeping Ajv's escapes of U+2028 and U+2029.
 */
function readableConstants(code: string): string {
  return code.replace(/^const (schema\d+) = (.*);$/gm, (line, name: string, json: string) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return line;
    }
    return `const ${name} = ${spreadJson(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")};`;
  });
}

/** A validator module, and what its errors can need of the run time's explanation (see validator-parts.ts). */
export interface ValidatorModule {
  code: string;
  /** The keyword of every error it can report. */
  keywords: Set<string>;
  /** The table the closed mode checks keys against, which the module exports as `declaredKeys`. */
  declaredKeys: KeyNode[];
}

/**
 * Ajv standalone validation code for one model, as a readable ESM module with no `require` and
 * no `eval`/`new Function`: the CommonJS calls Ajv emits are replaced by imports of
 * runtime/validator-support.js (`supportImport` is its path from the module). Beside `validate`
 * it exports `declaredKeys`, the table the closed mode checks keys against. `metaChecked`: this
 * generator has checked this same schema against its draft's meta-schema before (compiling the
 * meta-schema costs more than the rest of a model's validator), so it is not checked again.
 */
export async function validatorModule(schema: JsonSchema | null, modelId: string, supportImport: string, metaChecked = false): Promise<ValidatorModule> {
  const request = schema ?? { type: "object", properties: {} };
  const compiled = validatorSchema(request);
  let code: string;
  let keywords: Set<string>;
  let table: KeyNode[];
  try {
    const invalid = metaChecked ? undefined : metaSchemaErrors(compiled);
    if (invalid !== undefined) throw new Error(invalid);
    // A fresh instance per model keeps names (validate0, schema0...) independent of other models.
    // Messages are built at run time from keyword and params (runtime/ajv-messages.ts). No
    // meta-schema (60% of a new Ajv's cost): the schema is checked above, and the load stage refuses a $ref to one.
    const standaloneCode = (verbose: boolean): string => {
      const ajv = createAjv(compiled, { verbose, messages: false, meta: false, validateSchema: false, code: { source: true, esm: true, lines: true, formats: _`formats` } });
      // A CommonJS module: its default export sits under `.default` in TypeScript's view and at run time.
      return standalone.default(ajv, ajv.compile(compiled));
    };
    const lean = standaloneCode(false);
    keywords = reportedKeywords(lean);
    code = compactValidator(lean, () => standaloneCode(true));
    table = declaredKeyTable(request);
  } catch (error) {
    throw new InputError(`model "${modelId}": its request schema cannot be compiled: ${(error as Error).message}`);
  }
  for (const [call, name] of Object.entries(RUNTIME_FUNCTIONS)) code = code.split(call).join(name);
  if (/\brequire\s*\(/.test(code)) {
    throw new InputError(`model "${modelId}": its request schema needs an Ajv runtime function this package does not provide (${/require\([^)]*\)/.exec(code)?.[0]})`);
  }
  // Ajv reads a format's check from the object it was given (`const formats0 = formats.uri;`); each is imported by its own name instead.
  code = code.replace(/^const (formats\d+) = formats(?:\.([\w$]+)|\[("(?:[^"\\]|\\.)*")\]);$/gm, (_line, local: string, name?: string, quoted?: string) => `const ${local} = ${FORMAT_EXPORTS.get(name ?? (JSON.parse(quoted!) as string))!};`);
  const used = ["equal", "pushError", "pushLimitError", "pushPropertyError", "pushTypeError", "ucs2length", ...FORMAT_EXPORTS.values()].filter((name) => new RegExp(`\\b${name}\\b`).test(code)).sort();
  const imports = `import { ${used.join(", ")} } from ${JSON.stringify(supportImport)};\n`;
  const keys = `export const declaredKeys = ${jsValue(table)};\n`;
  return { code: indentCode(imports + readableConstants(code.replace(/^"use strict";/, "")) + keys), keywords, declaredKeys: table };
}
