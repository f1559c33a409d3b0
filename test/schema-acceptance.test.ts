// Which schemas generate accepts: the drafts (06, 07, 2019-09, 2020-12) and their keywords, the
// annotations of JSON Schema and OpenAPI, unknown keywords as annotations with a warning (an error
// with --strict), a default its own schema rejects (a warning, left out of `defaults`), definitions
// named like what a model module imports. And what it refuses, each in one line naming the file,
// the model and the JSON pointer. One snapshot holds them all: one bad model never blocks the others.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProcessRun } from "./helpers.js";
import { generateProcess, modelObject, snapshotWith, typeErrors } from "./generate-support.js";

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });

const ACCEPTED: Record<string, unknown> = {
  "draft-2020-12": object(
    { size: { $ref: "#/$defs/size" }, pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false }, mask: { type: "string" }, mask_strength: { type: "number" }, anchor: { $ref: "#seed" } },
    { $schema: "https://json-schema.org/draft/2020-12/schema", $defs: { size: { enum: ["480p", "720p"] }, seed: { $anchor: "seed", type: "integer", minimum: 0 } }, dependentRequired: { mask: ["mask_strength"] }, unevaluatedProperties: false },
  ),
  "draft-2019-09": object(
    { image: { type: "string" }, strength: { type: "number" }, seed: { $ref: "#seed" }, frames: { type: "array", items: [{ type: "integer" }], unevaluatedItems: false } },
    { $schema: "https://json-schema.org/draft/2019-09/schema", $defs: { seed: { $anchor: "seed", type: "integer" } }, dependentSchemas: { image: { required: ["strength"] } } },
  ),
  // draft-04: `id`, boolean exclusive bounds; `const` is a later keyword, which asserts nothing here.
  "draft-04": object(
    { seed: { type: "integer", minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false }, mode: { const: "fast" }, size: { $ref: "#size" } },
    { $schema: "http://json-schema.org/draft-04/schema#", definitions: { size: { id: "#size", enum: ["480p", "720p"] } } },
  ),
  // OpenAPI 3.0's schema objects keep draft-04's boolean exclusive bounds.
  "openapi-30-bounds": object({ strength: { type: "number", maximum: 1, exclusiveMaximum: true } }),
  "draft-06": object({ mode: { const: "fast", examples: ["fast"] }, tags: { type: "array", contains: { const: "main" } } }, { $schema: "http://json-schema.org/draft-06/schema#" }),
  "plain-name-fragment": object({ seed: { $ref: "#seed" } }, { definitions: { seed: { $id: "#seed", type: "integer" } } }),
  "ref-to-boolean": object({ anything: { $ref: "#/definitions/yes" }, nothing: { $ref: "#/definitions/no" } }, { definitions: { yes: true, no: false } }),
  "root-type-list": object({ prompt: { type: "string" } }, { type: ["object"] }),
  "openapi-annotations": object({
    prompt: { type: "string", example: "a fox", readOnly: false, writeOnly: false, deprecated: false, contentMediaType: "text/plain", contentEncoding: "8bit", xml: { name: "p" }, externalDocs: { url: "https://example.com" }, "x-fal-order": 1 },
    seed: { type: "integer", nullable: true },
    shape: { type: "object", discriminator: { propertyName: "kind" }, properties: { kind: { type: "string" } } },
  }),
  // fal's: enum ["129"] with default 129.
  "contradicting-default": object({ num_frames: { type: "string", enum: ["129"], default: 129 }, fps: { type: "integer", default: 24 } }),
  // No value is allowed: valid JSON Schema, which Ajv refuses as it is.
  "empty-enum": object({ prompt: { type: "string" }, retired: { type: "string", enum: [] } }),
  // Properties named like Object.prototype's; "__proto__" is written into the file by hand (fileText).
  "prototype-names": object({ constructor: { type: "number" }, toString: { type: "string" } }),
  "fal-annotations": object({ num_frames: { type: "integer", min: 9, max: 257, step: 8, limit_description: "frames, in steps of 8" } }),
  names: object(
    { a: { $ref: "#/definitions/RunOptions" }, b: { $ref: "#/definitions/ValidationResult" }, c: { $ref: "#/definitions/ClientChoice" }, d: { $ref: "#/definitions/NamesInput" }, e: { $ref: "#/definitions/run-options" }, f: { $ref: "#/definitions/components" }, g: { $ref: "#/definitions/foo-bar" }, h: { $ref: "#/definitions/FooBar" } },
    {
      definitions: {
        "foo-bar": { type: "string" },
        FooBar: { type: "integer" },
        RunOptions: { type: "object", properties: { x: { type: "string" } } },
        ValidationResult: { type: "string" },
        ClientChoice: { type: "integer" },
        NamesInput: { type: "boolean" },
        "run-options": { type: "number" },
        components: { type: "string", enum: ["a"] },
      },
    },
  ),
};

// Models whose names are the index's own (ModelId, OxenClient, ValidationResult).
for (const id of ["model-id", "oxen-client", "validation-result"]) ACCEPTED[id] = object({ prompt: { type: "string" } });

const REFUSED: [id: string, schema: unknown, line: RegExp][] = [
  ["remote-ref", object({ a: { $ref: "https://example.com/schema.json" } }), /json_request_schema#\/properties\/a\/\$ref: only local references/],
  ["dangling-ref", object({ image: { $ref: "#/components/schemas/ImageInput" } }), /json_request_schema#\/properties\/image\/\$ref: "#\/components\/schemas\/ImageInput" points at nothing/],
  ["dangling-anchor", object({ image: { $ref: "#nowhere" } }), /json_request_schema#\/properties\/image\/\$ref: "#nowhere" points at nothing/],
  ["self-ref", object({ a: { $ref: "#/definitions/loop" } }, { definitions: { loop: { $ref: "#/definitions/loop" } } }), /json_request_schema#\/definitions\/loop\/\$ref: "#\/definitions\/loop" only refers back to itself/],
  ["self-ref-allof", object({ a: { $ref: "#/definitions/loop" } }, { definitions: { loop: { allOf: [{ $ref: "#/definitions/loop" }] } } }), /json_request_schema#\/definitions\/loop\/allOf\/0\/\$ref: .*only refers back to itself/],
  ["draft-03-schema", object({}, { $schema: "http://json-schema.org/draft-03/schema#" }), /json_request_schema#\/\$schema: unsupported \$schema "http:\/\/json-schema.org\/draft-03\/schema#"/],
  ["malformed-items", object({ images: { type: "array", items: "string" } }), /json_request_schema#\/properties\/images\/items: expected a schema or a list of schemas, got "string"/],
  ["root-not-object", { type: "string" }, /json_request_schema#\/type: the request schema must describe an object/],
  ["backtracking", object({ p: { type: "string", pattern: "^(a+)+$" } }), /json_request_schema#\/properties\/p\/pattern: .*backtrack/],
];

/** `__proto__` survives as an own key only when the text is written by hand. */
function fileText(id: string, schema: unknown): string {
  const text = JSON.stringify(modelObject(id, schema));
  return id === "prototype-names" ? text.replace('"properties":{', '"properties":{"__proto__":{"type":"integer"},') : text;
}

let dir: string;
let run: ProcessRun;
let index: Record<string, any>;
const module = (id: string) => import(pathToFileURL(join(dir, "generated", "models", `${id}.ts`)).href);

beforeAll(async () => {
  dir = await snapshotWith({
    ...Object.fromEntries(Object.entries(ACCEPTED).map(([id, schema]) => [`${id}.json`, fileText(id, schema)])),
    ...Object.fromEntries(REFUSED.map(([id, schema]) => [`${id}.json`, modelObject(id, schema)])),
  });
  run = await generateProcess(dir, ["--skip-invalid"]);
  index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
}, 180_000);

describe("accepted schemas", () => {
  it("all generate, type-check, and none is skipped", () => {
    expect(run.code).toBe(0);
    expect(Object.keys(index.models).sort()).toEqual(Object.keys(ACCEPTED).sort());
    expect(typeErrors([join(dir, "generated", "all-models.ts")])).toEqual([]);
  });

  it("2020-12: $defs, prefixItems, dependentRequired, unevaluatedProperties and $anchor are validated", async () => {
    const { validate } = await module("draft-2020-12");
    expect(validate({ size: "720p", pair: ["a", 1], anchor: 3 })).toEqual({ ok: true });
    expect(validate({ size: "1080p" })).toMatchObject({ ok: false, errors: [{ path: "size", keyword: "enum" }] });
    expect(validate({ pair: ["a", "b"] })).toMatchObject({ ok: false, errors: [{ path: "pair[1]", keyword: "type" }] });
    expect(validate({ pair: ["a", 1, 2] }).ok).toBe(false);
    expect(validate({ mask: "m" })).toMatchObject({ ok: false, errors: [{ keyword: "dependentRequired" }] });
    expect(validate({ anchor: -1 })).toMatchObject({ ok: false, errors: [{ path: "anchor", keyword: "minimum" }] });
    expect(validate({ other: 1 }).ok).toBe(false);
  });

  it("2019-09: dependentSchemas, unevaluatedItems and $anchor are validated", async () => {
    const { validate } = await module("draft-2019-09");
    expect(validate({ image: "i", strength: 0.5, seed: 1, frames: [1] })).toEqual({ ok: true });
    expect(validate({ image: "i" })).toMatchObject({ ok: false, errors: [{ path: "strength", keyword: "required" }] });
    expect(validate({ seed: "x" })).toMatchObject({ ok: false, errors: [{ path: "seed", keyword: "type" }] });
    expect(validate({ frames: [1, 2] }).ok).toBe(false);
  });

  it("properties named __proto__, constructor and toString are validated as the body's own keys, and typed", async () => {
    const { validate } = await module("prototype-names");
    expect(validate({})).toEqual({ ok: true });
    expect(validate(JSON.parse('{"__proto__": 1, "constructor": 2.5, "toString": "s"}'))).toEqual({ ok: true });
    expect(validate(JSON.parse('{"__proto__": "x", "constructor": "y"}'))).toMatchObject({ ok: false, errors: [{ path: "constructor", keyword: "type" }, { path: "__proto__", keyword: "type" }] });
    expect(validate(JSON.parse('{"__proto__": 1, "valueOf": 2}'))).toMatchObject({ ok: false, errors: [{ path: "valueOf", keyword: "additionalProperties" }] });
    const source = await readFile(join(dir, "generated", "models", "prototype-names.ts"), "utf8");
    expect(source).toMatch(/__proto__\?: number/);
  });

  it("draft-04 is read as draft-07 says the same: id, boolean exclusive bounds, and later keywords left out with a warning", async () => {
    const { validate } = await module("draft-04");
    expect(validate({ seed: 10, mode: "slow", size: "720p" })).toEqual({ ok: true });
    expect(validate({ seed: 0 })).toMatchObject({ ok: false, errors: [{ path: "seed", keyword: "exclusiveMinimum", params: { limit: 0 } }] });
    expect(validate({ size: "1080p" })).toMatchObject({ ok: false, errors: [{ path: "size", keyword: "enum" }] });
    expect(run.stderr).toMatch(/draft-04\.json: model "draft-04": json_request_schema#\/properties\/mode\/const: const is not a draft-04 keyword/);
    expect(run.stderr).not.toMatch(/model "draft-04": .*exclusiveM/);
    const { validate: openapi } = await module("openapi-30-bounds");
    expect(openapi({ strength: 0.5 })).toEqual({ ok: true });
    expect(openapi({ strength: 1 })).toMatchObject({ ok: false, errors: [{ path: "strength", keyword: "exclusiveMaximum" }] });
    expect(run.stderr).toMatch(/model "openapi-30-bounds": json_request_schema#\/properties\/strength\/exclusiveMaximum: a boolean exclusiveMaximum is draft-04's \(and OpenAPI 3\.0's\) form: read as exclusiveMaximum: 1/);
  });

  it("draft-06: const and contains are validated", async () => {
    const { validate } = await module("draft-06");
    expect(validate({ mode: "fast", tags: ["x", "main"] })).toEqual({ ok: true });
    expect(validate({ mode: "slow" }).ok).toBe(false);
    expect(validate({ tags: ["x"] }).ok).toBe(false);
  });

  it("a plain-name fragment and a $ref to a boolean schema mean what they say", async () => {
    expect((await module("plain-name-fragment")).validate({ seed: "x" })).toMatchObject({ ok: false, errors: [{ path: "seed", keyword: "type" }] });
    const { validate } = await module("ref-to-boolean");
    expect(validate({ anything: [1, { a: 2 }] })).toEqual({ ok: true });
    expect(validate({ nothing: 1 }).ok).toBe(false);
  });

  it("OpenAPI's annotations pass without a warning, and nullable lets null through", async () => {
    expect(run.stderr).not.toContain('model "openapi-annotations"');
    const { validate } = await module("openapi-annotations");
    expect(validate({ prompt: "a fox", seed: null, shape: { kind: "a" } })).toEqual({ ok: true });
    expect(validate({ seed: "x" }).ok).toBe(false);
  });

  it("an unknown keyword is an annotation: one warning line per keyword, naming model, file and pointer", () => {
    for (const keyword of ["min", "max", "step", "limit_description"]) {
      const line = run.stderr.split("\n").filter((l) => l.includes(`/num_frames/${keyword}:`));
      expect(line, keyword).toEqual([expect.stringMatching(new RegExp(`^warning: .*fal-annotations\\.json: model "fal-annotations": json_request_schema#/properties/num_frames/${keyword}: unknown keyword "${keyword}" .*kept as an annotation`))]);
    }
  });

  it("a default its own schema rejects: a warning, and left out of the generated defaults", async () => {
    expect(run.stderr).toMatch(/warning: .*contradicting-default\.json: model "contradicting-default": json_request_schema#\/properties\/num_frames\/default: default 129 is not one of the allowed values \["129"\]: left out of the generated defaults/);
    expect((await module("contradicting-default")).model.defaults).toEqual({ fps: 24 });
  });

  it("an empty enum: a warning, a parameter typed never, and a validator that accepts no value for it", async () => {
    expect(run.stderr).toMatch(/warning: .*empty-enum\.json: model "empty-enum": json_request_schema#\/properties\/retired\/enum: an empty list: no value is accepted here/);
    const { validate } = await module("empty-enum");
    expect(validate({ prompt: "a fox" })).toEqual({ ok: true });
    expect(validate({ prompt: "a fox", retired: "x" })).toMatchObject({ ok: false, errors: [{ path: "retired" }] });
    expect(await readFile(join(dir, "generated", "models", "empty-enum.ts"), "utf8")).toMatch(/retired\?: never/);
  });

  it("definitions named like what a model module imports, or like its input type, compile side by side", async () => {
    const text = await readFile(join(dir, "generated", "models", "names.ts"), "utf8");
    // Definitions are named after the input type, so none can take a name the module uses.
    expect(text).toMatch(/^export interface NamesInputRunOptions \{/m);
    expect(text).toMatch(/^export type NamesInputValidationResult = string/m);
    expect((await module("names")).validate({ a: { x: "y" }, b: "ok", c: 1, d: true, e: 1.5, f: "a", g: "s", h: 2 })).toEqual({ ok: true });
  });
});

describe("refused schemas", () => {
  it.each(REFUSED)("%s: one line naming the file, the model and the JSON pointer; listed in skippedModels", (id, _schema, line) => {
    const lines = run.stderr.split("\n").filter((l) => l.includes(`model "${id}"`));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^  .*[/\\\\]${id}\\.json: model "${id}": ${line.source}`))]);
    expect(index.skippedModels).toContainEqual({ id, file: `models/${id}.json`, reason: expect.stringMatching(line) });
  });

  it("exits 1 without --skip-invalid, naming every refused model, and makes warnings errors with --strict", async () => {
    const strict = await generateProcess(dir, ["--strict"]);
    expect(strict.code).toBe(1);
    for (const [id] of REFUSED) expect(strict.stderr).toContain(`model "${id}"`);
    expect(strict.stderr).toMatch(/model "fal-annotations": json_request_schema#\/properties\/num_frames\/min: unknown keyword "min" .*\(an error with --strict\)/);
    expect(strict.stderr).toMatch(/model "contradicting-default": json_request_schema#\/properties\/num_frames\/default: .*\(an error with --strict\)/);
    expect(strict.stderr).not.toMatch(/^warning:/m);
  }, 120_000);
});
