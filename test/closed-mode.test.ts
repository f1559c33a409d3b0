// The closed mode on the shapes the issue found it wrong on: it rejects exactly the keys nothing at
// their place declares, never changes the verdict on a declared key, is never applied inside
// `not`, and `allowUnknown` reaches every depth.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { validatorModule } from "../generator/emit/emit-validator.js";
import type { JsonSchema } from "../generator/load/schema-check.js";
import { runValidator, type ModelValidator } from "../runtime/validation.js";
import { tempDir } from "./helpers.js";

const SUPPORT = pathToFileURL(join(import.meta.dirname, "..", "runtime", "validator-support.js")).href;

async function validator(schema: JsonSchema): Promise<(body: unknown, allowUnknown?: boolean) => string[]> {
  const file = join(await tempDir(), "v.mjs");
  await writeFile(file, (await validatorModule(schema, "closed-mode", SUPPORT)).code);
  const generated = (await import(pathToFileURL(file).href)) as ModelValidator;
  return (body, allowUnknown = false) => {
    const result = runValidator(generated, body, { allowUnknown });
    return result.ok ? [] : result.errors.map((e) => `${e.keyword} ${e.path}`);
  };
}

describe("the closed mode", () => {
  it("is not applied inside not", async () => {
    const check = await validator({ type: "object", properties: { mode: { type: "string" }, seed: { type: "integer" }, prompt: { type: "string" } }, not: { properties: { mode: { const: "fast" }, seed: {} }, required: ["mode", "seed"] } });
    expect(check({ mode: "fast", seed: 1, prompt: "x" })).toEqual(["not "]);
    expect(check({ mode: "slow", seed: 1, prompt: "x" })).toEqual([]);
  });

  it("takes the keys of every allOf $ref target together", async () => {
    const check = await validator({
      type: "object",
      definitions: { A: { type: "object", properties: { prompt: { type: "string" } } }, B: { type: "object", properties: { seed: { type: "integer" } } } },
      allOf: [{ $ref: "#/definitions/A" }, { $ref: "#/definitions/B" }],
    });
    expect(check({ prompt: "x", seed: 1 })).toEqual([]);
    expect(check({ prompt: "x", seed: 1, sed: 2 })).toEqual(["additionalProperties sed"]);
  });

  it("takes keys declared under then, else, dependencies and dependentSchemas", async () => {
    const check = await validator({
      type: "object",
      properties: { mode: { type: "string" }, seed: { type: "integer" } },
      if: { properties: { mode: { const: "fast" } }, required: ["mode"] },
      then: { properties: { fps: { maximum: 30 } } },
      else: { properties: { quality: { type: "string" } } },
      dependencies: { seed: { properties: { seed_mode: { enum: ["fixed", "random"] } } } },
    });
    expect(check({ mode: "fast", fps: 24, seed: 1, seed_mode: "fixed" })).toEqual([]);
    expect(check({ mode: "slow", quality: "high" })).toEqual([]);
    expect(check({ mode: "fast", fps: 60 })).toEqual(["maximum fps", "if "]);
    expect(check({ mode: "fast", colour: 1 })).toEqual(["additionalProperties colour"]);
  });

  it("closes objects inside anyOf branches, and allowUnknown reaches them", async () => {
    const check = await validator({
      type: "object",
      properties: { input: { anyOf: [{ type: "object", properties: { url: { type: "string" } }, required: ["url"] }, { type: "object", properties: { data: { type: "string" } }, required: ["data"] }] } },
    });
    expect(check({ input: { url: "u" } })).toEqual([]);
    expect(check({ input: { url: "u", data: "d" } })).toEqual([]);
    expect(check({ input: { url: "u", extra: 1 } })).toEqual(["additionalProperties input.extra"]);
    expect(check({ input: { url: "u", extra: 1 } }, true)).toEqual([]);
  });

  it("takes keys matched by patternProperties and names declared in required", async () => {
    const check = await validator({ type: "object", properties: { prompt: { type: "string" } }, patternProperties: { "^x_": { type: "integer" } }, required: ["prompt"] });
    expect(check({ prompt: "p", x_a: 1 })).toEqual([]);
    expect(check({ prompt: "p", y_a: 1 })).toEqual(["additionalProperties y_a"]);
  });

  it("names only the body's own keys, not those it inherits", async () => {
    const check = await validator({ type: "object", properties: { prompt: { type: "string" } } });
    const inheriting = (own: object): object => Object.assign(Object.create({ inherited: 1 }), own);
    expect(check(inheriting({ prompt: "p" }))).toEqual([]);
    expect(check(inheriting({ prompt: "p", extra: 2 }))).toEqual(["additionalProperties extra"]);
  });

  it("takes a property named like one of Object.prototype's as present only when the body has it", async () => {
    const check = await validator({ type: "object", properties: { constructor: { type: "string" }, toString: { type: "integer" }, valueOf: {} }, required: ["valueOf"] });
    expect(check({ valueOf: 1 })).toEqual([]);
    expect(check({})).toEqual(["required valueOf"]);
    expect(check({ valueOf: 1, constructor: 5, toString: "x" })).toEqual(["type constructor", "type toString"]);
    expect(check(JSON.parse('{"valueOf": 1, "__proto__": 2}'))).toEqual(["additionalProperties __proto__"]);
  });

  it("leaves open what an additionalProperties schema admits", async () => {
    const check = await validator({ type: "object", properties: { tags: { type: "object", additionalProperties: { type: "string" } } } });
    expect(check({ tags: { any: "x" } })).toEqual([]);
    expect(check({ tags: { any: 1 } })).toEqual(["type tags.any"]);
  });
});
