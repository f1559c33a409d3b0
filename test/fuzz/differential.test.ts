// Differential fuzzing: for random schemas in the shapes upstreams send (typeless subschemas,
// `not`, allOf of $refs, if/then/else, tuples, nullable, anyOf/oneOf, dependencies, 2020-12
// keywords) and random instances for each:
// - the committed-style standalone validator agrees with Ajv compiled at run time (verdict, and
//   each error's keyword and place): `allowUnknown` is the schema's own verdict;
// - the closed mode adds exactly one error per key that nothing at its location declares, by the
//   rule of the design (computed here independently, on the schema itself);
// - every accepted instance, without those keys, type-checks against the generated input type,
//   as a value and as an object literal.
// Fixed seed here; `npm run fuzz` runs longer.
import fc from "fast-check";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitInputType } from "../../generator/emit/emit-types.js";
import { createAjv, validatorModule } from "../../generator/emit/emit-validator.js";
import type { JsonSchema } from "../../generator/load/schema-check.js";
import { validatorSchema } from "../../generator/load/schema-views.js";
import { displayPath, runValidator, type ModelValidator } from "../../runtime/validation.js";
import { tempDir, VALUE_OF } from "../helpers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const INSTANCES = 30;
const SUPPORT = pathToFileURL(join(import.meta.dirname, "..", "..", "runtime", "validator-support.js")).href;
const NAMES = ["prompt", "seed", "num_frames", "mode", "images", "options", "x", "a b", "ключ"];
const MODES = ["fast", "slow"];
const DRAFT_2020 = "https://json-schema.org/draft/2020-12/schema";

const text = fc.oneof(fc.constantFrom("", "a", "https://example.com/v.mp4", "data:x", "not a uri", "auto", "ab-12", "ÿ😀", ...MODES), fc.string({ maxLength: 6 }));
const num = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ min: -5, max: 500, noNaN: true, noDefaultInfinity: true }));
/** Strings each format and pattern of the schemas below accepts. */
const EXAMPLES: Record<string, string[]> = {
  uri: ["https://example.com/v.mp4"],
  uuid: ["8a3f1c52-1d5e-4b8a-9f0c-2b7d6e4a1c33"],
  email: ["a@example.com"],
  "^[a-z]+-[0-9]+$": ["ab-12"],
  "^a": ["abc"],
  "[0-9]{2}": ["x12"],
};
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const typed: fc.Arbitrary<JsonSchema> = fc.oneof(
  fc.record({ type: fc.constant("string"), minLength: optional(fc.nat(3)), maxLength: optional(fc.integer({ min: 3, max: 8 })) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("string"), format: fc.constantFrom("uri", "uuid", "email") }),
  fc.record({ type: fc.constant("string"), pattern: fc.constantFrom("^[a-z]+-[0-9]+$", "^a", "[0-9]{2}") }),
  fc.record({ type: fc.constant("string"), enum: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constantFrom("integer", "number"), minimum: optional(fc.integer({ min: -2, max: 10 })), maximum: optional(fc.integer({ min: 11, max: 481 })) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("boolean") }),
  fc.record({ type: fc.constant(["integer", "string"]), enum: fc.constant(["auto", 4, 5, 6]) }),
);

/** Subschemas without `type`, nullable ones, and the compositions upstreams write. */
const untyped: fc.Arbitrary<JsonSchema> = fc.oneof(
  fc.constantFrom<JsonSchema>(
    { description: "Random seed", minimum: 0 },
    { minimum: 1, maxLength: 3 },
    { enum: [1, "a", null] },
    { const: "fast" },
    { not: { type: "string" } },
    { type: "string", anyOf: [{ format: "uri" }, { pattern: "^data:" }] },
    { type: "integer", nullable: true, maximum: 30 },
    { type: ["string", "null"] },
    { anyOf: [{ type: "integer", maximum: 30 }, { type: "null" }] },
    { oneOf: [{ type: "integer" }, { type: "string", maxLength: 2 }] },
    { properties: { x: { type: "string" } } },
  ),
  fc.record({ type: fc.constant("array"), items: fc.tuple(typed, typed), additionalItems: fc.oneof(fc.constant(false), typed), minItems: fc.nat(2) }),
);

const leaf = fc.oneof({ weight: 3, arbitrary: typed }, { weight: 2, arbitrary: untyped });

const property: fc.Arbitrary<JsonSchema> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("array"), items: leaf, maxItems: optional(fc.integer({ min: 1, max: 3 })) }, { requiredKeys: ["type", "items"] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...NAMES), leaf, { minKeys: 1, maxKeys: 3 }).map((properties) => ({ type: "object", properties })) },
);

const properties = fc.dictionary(fc.constantFrom(...NAMES), property, { minKeys: 1, maxKeys: 4 });

/** Keywords beside a root's own properties: each declares keys of its own. */
const extras: fc.Arbitrary<JsonSchema> = fc.record(
  {
    definitions: fc.tuple(properties, properties).map(([a, b]) => ({ A: { type: "object", properties: a }, B: { type: "object", properties: b } })),
    conditional: fc.tuple(leaf, leaf).map(([fps, quality]) => ({
      if: { properties: { mode: { const: "fast" } }, required: ["mode"] },
      then: { properties: { fps } },
      else: { properties: { quality } },
    })),
    not: fc.constant({ properties: { mode: { const: "fast" }, seed: {} }, required: ["mode", "seed"] }),
    anyOf: fc.tuple(leaf, leaf).map(([a, b]) => [{ properties: { first: a }, required: ["first"] }, { properties: { second: b }, required: ["second"] }]),
    dependencies: leaf.map((s) => ({ seed: { properties: { seed_mode: s } } })),
    patternProperties: fc.constant({ "^meta_": { type: "string" } }),
  },
  { requiredKeys: [] },
  // Two at most: each adds constraints, and an instance must meet them all to be accepted and type-checked.
).map((all) => Object.fromEntries(Object.entries(all).slice(0, 2)));

/** A root: properties and required, some extras, in draft-07 or (with the names it renames) 2020-12. */
const schemaArb: fc.Arbitrary<JsonSchema> = fc.tuple(properties, extras, fc.boolean()).chain(([props, extra, modern]) =>
  fc.subarray(Object.keys(props)).map((required) => {
    const { conditional, definitions, dependencies, ...rest } = extra as Record<string, JsonSchema>;
    const schema: JsonSchema = { type: "object", properties: props, required, ...rest, ...(conditional ?? {}) };
    if (definitions !== undefined) {
      schema.allOf = [{ $ref: "#/definitions/A" }, { $ref: "#/definitions/B" }];
      schema[modern ? "$defs" : "definitions"] = definitions;
    }
    if (dependencies !== undefined) schema[modern ? "dependentSchemas" : "dependencies"] = dependencies;
    return modern ? toDraft2020(schema) : schema;
  }),
);

/** The same schema in 2020-12: `$defs`, `prefixItems` and `items` for tuples. */
function toDraft2020(schema: JsonSchema): JsonSchema {
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (node === null || typeof node !== "object") return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out[k] = v.replace("#/definitions/", "#/$defs/");
      else if (k === "enum" || k === "const") out[k] = v;
      else out[k] = convert(v);
    }
    if (Array.isArray(out.items)) {
      out.prefixItems = out.items;
      if (out.additionalItems !== undefined) out.items = out.additionalItems;
      else delete out.items;
      delete out.additionalItems;
    }
    return out;
  };
  return { $schema: DRAFT_2020, ...(convert(schema) as JsonSchema) };
}

/** Every property name and literal a schema mentions, so instances hit them. */
function vocabulary(schema: unknown): { names: string[]; literals: unknown[] } {
  const names = new Set<string>(["unknown_key", "meta_a"]);
  const literals: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "properties" && v !== null && typeof v === "object") Object.keys(v).forEach((n) => names.add(n));
      if (k === "enum" && Array.isArray(v)) literals.push(...(v as unknown[]));
      else if (k === "const") literals.push(v);
      else if (["minimum", "maximum", "minLength", "maxLength"].includes(k) && typeof v === "number") literals.push(v - 1, v, v + 1);
      else visit(v);
    }
  };
  visit(schema);
  return { names: [...names], literals };
}

/** Instances aimed at a schema: values near its literals and bounds, the keys it declares anywhere at the root, and others. */
function instanceArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const { names, literals } = vocabulary(schema);
  const scalar = fc.oneof(text, num, fc.boolean(), fc.constant(null), ...(literals.length > 0 ? [fc.constantFrom(...literals)] : []));
  const valueFor = (s: unknown, depth: number): fc.Arbitrary<unknown> => {
    if (s === null || typeof s !== "object" || depth > 3) return scalar;
    const node = s as JsonSchema;
    const near: fc.Arbitrary<unknown>[] = [scalar];
    const types = (Array.isArray(node.type) ? node.type : [node.type]) as unknown[];
    if (types.includes("integer") || types.includes("number")) near.push(fc.integer({ min: (node.minimum as number | undefined) ?? -5, max: (node.maximum as number | undefined) ?? 500 }));
    if (types.includes("string")) near.push(text, fc.constantFrom(...(EXAMPLES[String(node.format ?? node.pattern)] ?? ["ab"])));
    if (types.includes("boolean")) near.push(fc.boolean());
    if (Array.isArray(node.enum)) near.push(fc.constantFrom(...(node.enum as unknown[])));
    if (node.const !== undefined) near.push(fc.constant(node.const));
    const prefix = (node.prefixItems ?? (Array.isArray(node.items) ? node.items : undefined)) as unknown[] | undefined;
    if (prefix !== undefined) near.push(fc.tuple(...prefix.map((p) => valueFor(p, depth + 1))).chain((t) => fc.subarray(t).map(() => t)), fc.array(scalar, { maxLength: 3 }));
    else if (node.items !== undefined) near.push(fc.array(valueFor(node.items, depth + 1), { maxLength: 3 }));
    for (const branch of [...((node.anyOf ?? []) as unknown[]), ...((node.oneOf ?? []) as unknown[])]) near.push(valueFor(branch, depth + 1));
    if (node.properties !== undefined) near.push(objectFor([node], depth + 1));
    return fc.oneof(...near.map((arbitrary, i) => ({ arbitrary, weight: i === 0 ? 1 : 20 })));
  };
  /** Objects with the keys the given subschemas (and what they apply in place) declare, and a few more. */
  const objectFor = (nodes: JsonSchema[], depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const entries: [string, fc.Arbitrary<unknown>][] = [];
    const visit = (n: unknown): void => {
      if (n === null || typeof n !== "object") return;
      const node = n as JsonSchema;
      for (const [k, v] of Object.entries((node.properties ?? {}) as object)) entries.push([k, valueFor(v, depth)]);
      for (const k of ["if", "then", "else"]) visit(node[k]);
      for (const k of ["anyOf", "oneOf"]) ((node[k] ?? []) as unknown[]).forEach(visit);
      for (const k of ["definitions", "$defs", "dependencies", "dependentSchemas"]) Object.values((node[k] ?? {}) as object).forEach(visit);
    };
    nodes.forEach(visit);
    const declared = entries.length;
    for (const n of names) if (!entries.some(([k]) => k === n)) entries.push([n, scalar]);
    return fc.tuple(...entries.map(([k, v], i) => fc.option(v, { freq: i < declared ? 9 : 1 }).map((value) => [k, value] as const))).map((pairs) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of pairs) if (v !== null && !Object.hasOwn(out, k)) out[k] = v;
      return out;
    });
  };
  return fc.oneof({ weight: 9, arbitrary: objectFor([schema], 0) }, { weight: 1, arbitrary: scalar });
}

// ---- The closed-mode rule, on the schema itself: which keys nothing at their location declares.

type Schema = JsonSchema | boolean;

function resolvePointer(root: JsonSchema, ref: string): Schema {
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as JsonSchema)[key], root) as Schema;
}

/** The subschemas applying in place at a location: allOf/anyOf/oneOf, $ref, if/then/else, dependencies; never `not`. */
function inPlace(root: JsonSchema, start: Schema[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (s: Schema): void => {
    if (typeof s === "boolean" || out.includes(s)) return;
    out.push(s);
    if (typeof s.$ref === "string") add(resolvePointer(root, s.$ref));
    for (const k of ["allOf", "anyOf", "oneOf"]) ((s[k] as Schema[] | undefined) ?? []).forEach(add);
    for (const k of ["if", "then", "else"]) if (s[k] !== undefined) add(s[k] as Schema);
    for (const k of ["dependencies", "dependentSchemas"]) Object.values((s[k] as Record<string, Schema> | undefined) ?? {}).forEach((d) => Array.isArray(d) || add(d));
  };
  start.forEach(add);
  return out;
}

function undeclaredKeys(root: JsonSchema, data: unknown): { path: string[]; key: string }[] {
  const found: { path: string[]; key: string }[] = [];
  const modern = root.$schema === DRAFT_2020;
  const walk = (schemas: Schema[], value: unknown, path: string[]): void => {
    if (value === null || typeof value !== "object") return;
    const nodes = inPlace(root, schemas);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const children = nodes.flatMap((n): Schema[] => {
          const prefix = (modern ? n.prefixItems : Array.isArray(n.items) ? n.items : undefined) as Schema[] | undefined;
          const rest = (modern ? (prefix ? n.items : undefined) : prefix ? n.additionalItems : undefined) as Schema | undefined;
          const every = !prefix && n.items !== undefined ? [n.items as Schema] : [];
          return [...every, ...(prefix && i < prefix.length ? [prefix[i]!] : rest !== undefined ? [rest] : [])];
        });
        walk(children, item, [...path, String(i)]);
      });
      return;
    }
    const lists = nodes.some((n) => n.properties !== undefined || n.patternProperties !== undefined);
    const open = nodes.some((n) => n.additionalProperties !== undefined && n.additionalProperties !== false);
    for (const [key, child] of Object.entries(value)) {
      const named = (n: JsonSchema) => Object.hasOwn((n.properties as object | undefined) ?? {}, key);
      const patterns = (n: JsonSchema) => Object.keys((n.patternProperties as object | undefined) ?? {}).filter((p) => new RegExp(p, "u").test(key));
      const declared = nodes.some((n) => named(n) || patterns(n).length > 0 || ((n.required as string[] | undefined) ?? []).includes(key) || Object.hasOwn((n.dependencies as object | undefined) ?? {}, key) || Object.hasOwn((n.dependentSchemas as object | undefined) ?? {}, key));
      if (lists && !open && !declared) found.push({ path, key });
      const children = nodes.flatMap((n): Schema[] => {
        const own = [...(named(n) ? [(n.properties as Record<string, Schema>)[key]!] : []), ...patterns(n).map((p) => (n.patternProperties as Record<string, Schema>)[p]!)];
        return own.length > 0 ? own : n.additionalProperties !== undefined ? [n.additionalProperties as Schema] : [];
      });
      walk(children, child, [...path, key]);
    }
  };
  walk([root], data, []);
  return found;
}

/** `data` without the given keys. */
function without(data: unknown, keys: { path: string[]; key: string }[]): unknown {
  const copy = structuredClone(data);
  for (const { path, key } of keys) delete (path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], copy) as Record<string, unknown>)[key];
  return copy;
}


describe("standalone validators, Ajv at run time, the closed-mode rule and the input types", () => {
  it(`agree on every instance (${RUNS} schemas × ${INSTANCES} instances, seed ${SEED})`, async () => {
    const dir = await tempDir();
    const samples = fc.sample(schemaArb, { numRuns: RUNS, seed: SEED });
    const typeChecks: string[] = [VALUE_OF];
    let accepted = 0;
    for (const [i, schema] of samples.entries()) {
      const file = join(dir, `v${i}.mjs`);
      await writeFile(file, (await validatorModule(schema, `fuzz-${i}`, SUPPORT)).code);
      const generated = (await import(pathToFileURL(file).href)) as ModelValidator;
      const compiled = validatorSchema(schema);
      const runtime = createAjv(compiled).compile(compiled);
      const typeName = `Fuzz${i}Input`;
      typeChecks.push(await emitInputType(schema, typeName));
      fc.sample(instanceArb(schema), { numRuns: INSTANCES, seed: SEED + i }).forEach((instance, j) => {
        const where = `schema ${JSON.stringify(schema)}\ninstance ${JSON.stringify(instance)}`;
        const verdict = generated.validate(instance);
        expect(verdict, where).toBe(runtime(instance));
        const errors = (e: { keyword: string; instancePath: string }[] | null | undefined) => (e ?? []).map((x) => `${x.instancePath} ${x.keyword}`);
        expect(errors(generated.validate.errors), where).toEqual(errors(runtime.errors));

        const undeclared = undeclaredKeys(schema, instance);
        const lenient = runValidator(generated, instance, { allowUnknown: true });
        const closed = runValidator(generated, instance);
        expect(lenient.ok, where).toBe(verdict);
        const extra = (closed.ok ? [] : closed.errors).slice(lenient.ok ? 0 : lenient.errors.length);
        expect(extra.map((e) => `${e.keyword} ${e.path}`), where).toEqual(undeclared.map((u) => `additionalProperties ${displayPath(u.path.map((k) => `/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""), u.key)}`));

        if (!verdict || instance === null || typeof instance !== "object") return;
        const body = JSON.stringify(without(instance, undeclared));
        typeChecks.push(`const v${i}_${j} = value(${body});`, `export const t${i}_${j}: ${typeName} = v${i}_${j};`, `export const l${i}_${j}: ${typeName} = ${body};`);
        accepted++;
      });
    }
    const source = join(dir, "accepted.ts");
    await writeFile(source, typeChecks.join("\n"));
    const program = ts.createProgram([source], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.text.split("\n")[d.file.getLineAndCharacterOfPosition(d.start ?? 0).line]?.slice(0, 40)} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)).toEqual([]);
    // Most instances break some rule; enough must pass for the type check to mean something.
    expect(accepted).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});
