// Differential fuzzing: for random schemas within the keywords the generator supports and random
// instances for each, the committed-style standalone validator and Ajv compiled at run time must
// agree (verdict, and each error's keyword and place), and every accepted instance must
// type-check against the generated input type. Fixed seed here; `npm run fuzz` runs longer.
import fc from "fast-check";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitInputType } from "../../generator/emit/emit-types.js";
import { createAjv, emitValidator } from "../../generator/emit/emit-validator.js";
import type { JsonSchema } from "../../generator/load/schema-check.js";
import { validatorSchema } from "../../generator/load/schema-views.js";
import { tempDir } from "../helpers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const SUPPORT = pathToFileURL(join(import.meta.dirname, "..", "..", "runtime", "validator-support.js")).href;
const NAMES = ["prompt", "seed", "num_frames", "mode", "images", "options", "x", "a b", "ключ"];

const text = fc.oneof(fc.constantFrom("", "a", "https://example.com/v.mp4", "not a uri", "auto", "ab-12", "ÿ😀"), fc.string({ maxLength: 6 }));
const num = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ min: -5, max: 500, noNaN: true, noDefaultInfinity: true }));

const leaf: fc.Arbitrary<JsonSchema> = fc.oneof(
  fc.record({ type: fc.constant("string"), minLength: fc.option(fc.nat(3), { nil: undefined }), maxLength: fc.option(fc.integer({ min: 3, max: 8 }), { nil: undefined }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("string"), format: fc.constantFrom("uri", "uuid", "email") }),
  fc.record({ type: fc.constant("string"), pattern: fc.constantFrom("^[a-z]+-[0-9]+$", "^a", "[0-9]{2}") }),
  fc.record({ type: fc.constant("string"), enum: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constantFrom("integer", "number"), minimum: fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined }), maximum: fc.option(fc.integer({ min: 11, max: 481 }), { nil: undefined }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("boolean") }),
  fc.record({ type: fc.constant(["integer", "string"]), enum: fc.constant(["auto", 4, 5, 6]) }),
);

const property: fc.Arbitrary<JsonSchema> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("array"), items: leaf, maxItems: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }, { requiredKeys: ["type", "items"] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...NAMES), leaf, { minKeys: 1, maxKeys: 3 }).map((properties) => ({ type: "object", properties })) },
);

const schemaArb: fc.Arbitrary<JsonSchema> = fc
  .dictionary(fc.constantFrom(...NAMES), property, { minKeys: 1, maxKeys: 5 })
  .chain((properties) => fc.subarray(Object.keys(properties)).map((required) => ({ type: "object", properties, required })));

/** Values aimed at a schema's edges: its enums and bounds, wrong types, unknown keys. */
function instanceArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const value = (s: JsonSchema): fc.Arbitrary<unknown> => {
    const near: fc.Arbitrary<unknown>[] = [text, num, fc.boolean(), fc.constant(null)];
    if (Array.isArray(s.enum)) near.push(fc.constantFrom(...(s.enum as unknown[])));
    for (const k of ["minimum", "maximum", "minLength", "maxLength"]) if (typeof s[k] === "number") near.push(fc.constantFrom((s[k] as number) - 1, s[k], (s[k] as number) + 1));
    if (s.type === "array") near.push(fc.array(value(s.items as JsonSchema), { maxLength: 4 }));
    if (s.type === "object") near.push(objectOf(s));
    return fc.oneof(...near);
  };
  const objectOf = (s: JsonSchema): fc.Arbitrary<unknown> => {
    const props = s.properties as Record<string, JsonSchema>;
    return fc.record(Object.fromEntries([...Object.entries(props).map(([k, p]) => [k, value(p)]), ["unknown_key", text]]), { requiredKeys: [] });
  };
  return fc.oneof({ weight: 9, arbitrary: objectOf(schema) }, { weight: 1, arbitrary: fc.oneof(text, num, fc.constant(null), fc.array(num)) });
}

describe("standalone validators and Ajv at run time", () => {
  it(`agree on every instance, and accepted instances type-check (${RUNS} schemas, seed ${SEED})`, async () => {
    const dir = await tempDir();
    const samples = fc.sample(schemaArb, { numRuns: RUNS, seed: SEED });
    const typeChecks: string[] = [];
    let compared = 0;
    for (const [i, schema] of samples.entries()) {
      const file = join(dir, `v${i}.mjs`);
      await writeFile(file, await emitValidator(schema, `fuzz-${i}`, SUPPORT));
      const standalone = (await import(pathToFileURL(file).href)).validate;
      const closed = validatorSchema(schema);
      const runtime = createAjv(closed).compile(closed);
      const typeName = `Fuzz${i}Input`;
      typeChecks.push(await emitInputType(schema, typeName));
      for (const instance of fc.sample(instanceArb(schema), { numRuns: 30, seed: SEED + i })) {
        const verdict = standalone(instance);
        const where = `schema ${JSON.stringify(schema)}\ninstance ${JSON.stringify(instance)}`;
        expect(verdict, where).toBe(runtime(instance));
        const errors = (e: { keyword: string; instancePath: string }[] | null | undefined) => (e ?? []).map((x) => `${x.instancePath} ${x.keyword}`);
        expect(errors(standalone.errors), where).toEqual(errors(runtime.errors));
        if (verdict && instance !== null && typeof instance === "object") typeChecks.push(`export const accepted${compared}: ${typeName} = ${JSON.stringify(instance)};`);
        compared++;
      }
    }
    const source = join(dir, "accepted.ts");
    await writeFile(source, typeChecks.join("\n"));
    const program = ts.createProgram([source], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    expect(compared).toBe(RUNS * 30);
    expect(typeChecks.length).toBeGreaterThan(RUNS);
  }, 300_000);
});
