// The drift report against the validator it speaks for. fast-check changes one keyword of a
// request schema; instances are sampled and run through Ajv configured as the generated validator
// (closing included). A body the old schema accepted and the new one rejects must come with a
// breaking change on the mutated node's line (at, above or inside it); a change that leaves the
// accepted bodies the same (checked by sampling both ways) must give no breaking change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../generator/drift/engine.js";
import { createAjv } from "../generator/emit/emit-validator.js";
import { validatorSchema } from "../generator/load/schema-views.js";
import type { JsonSchema } from "../generator/load/schema-check.js";
import { SCHEMAS } from "./helpers.js";

type Node = Record<string, any>;

const SYNTHETIC: JsonSchema = {
  type: "object",
  properties: {
    prompt: { type: "string", minLength: 1, maxLength: 12, description: "What to make." },
    mode: { type: "string", enum: ["fast", "slow", "best"], default: "fast" },
    steps: { type: "integer", minimum: 1, maximum: 50 },
    scale: { type: ["number", "null"], minimum: 0, maximum: 10 },
    tags: { type: "array", items: { type: "string", maxLength: 4 }, maxItems: 4 },
    size: { type: "object", properties: { width: { type: "integer", minimum: 16, maximum: 64 }, height: { type: "integer" } }, required: ["width"] },
    seed: { anyOf: [{ type: "integer", minimum: 0 }, { type: "null" }] },
    url: { type: "string", format: "uri" },
    style: { $ref: "#/$defs/Style" },
  },
  required: ["prompt"],
  $defs: { Style: { type: "string", enum: ["a", "b"] } },
};
const REAL = JSON.parse(readFileSync(join(SCHEMAS, "models", "ltx-2-3-quality-audio-to-video.json"), "utf8")).json_request_schema as JsonSchema;
const BASES = [SYNTHETIC, REAL];

// ---- the validator, as generated -------------------------------------------------------------

const compiled = new Map<string, (data: unknown) => boolean>();
function validator(schema: JsonSchema): (data: unknown) => boolean {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    const closed = validatorSchema(schema);
    const fn = createAjv(closed, { strict: false }).compile(closed);
    validate = (data) => fn(data) as boolean;
    compiled.set(key, validate);
  }
  return validate;
}

// ---- sampling bodies near a schema -------------------------------------------------------------

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolve(node: unknown, root: Node): Node {
  let n = (node === true || node === undefined ? {} : node) as Node;
  for (let i = 0; i < 8 && typeof n.$ref === "string"; i++) n = n.$ref.slice(2).split("/").reduce((o: Node, k: string) => o?.[k], root) ?? {};
  return n;
}

const KINDS = ["string", "integer", "number", "boolean", "null", "array", "object"];
const WORDS = ["", "a", "b", "ab", "abc", "fast", "slow", "best", "https://x.io/a", "x@y.io", "hello world!", "aaaaaaaaaaaaa", "7"];

/** A value shaped by `schema`, often at or just past its bounds, sometimes of another kind. */
function sample(schema: unknown, root: Node, r: () => number, depth = 0): unknown {
  const node = resolve(schema, root);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  if (branches.length > 0 && r() < 0.6) return sample(pick(branches), root, r, depth + 1);
  if (Array.isArray(node.enum) && r() < 0.7) return pick(node.enum);
  if (node.const !== undefined && r() < 0.7) return node.const;
  const types: string[] = Array.isArray(node.type) ? node.type : node.type !== undefined ? [node.type] : KINDS;
  const kind = r() < 0.97 ? pick(types) : pick(KINDS);
  // Mostly inside the bounds, often on them, sometimes just past them.
  const near = (low: number | undefined, high: number | undefined) => {
    const [lo, hi] = [low ?? Math.min(0, high ?? 0), high ?? Math.max(12, (low ?? 0) + 12)];
    if (r() < 0.6) return lo + Math.floor(r() * (hi - lo + 1));
    return pick([lo, hi, lo + 1, hi - 1, lo - 1, hi + 1, 0, 1, 2, 3, 4, 6, 8]);
  };
  switch (kind) {
    case "null":
      return null;
    case "boolean":
      return r() < 0.5;
    case "integer":
      return Math.trunc(near(node.minimum ?? node.exclusiveMinimum, node.maximum ?? node.exclusiveMaximum));
    case "number":
      return near(node.minimum ?? node.exclusiveMinimum, node.maximum ?? node.exclusiveMaximum) + (r() < 0.3 ? 0.5 : 0);
    case "string": {
      if (r() < 0.3) return pick(WORDS);
      const length = Math.max(0, near(node.minLength, node.maxLength));
      return "abcdefgh".repeat(8).slice(0, Math.min(length, 40));
    }
    case "array": {
      if (depth > 3) return [];
      const length = Math.max(0, Math.min(5, near(node.minItems, node.maxItems)));
      const item = Array.from({ length }, () => sample(node.items, root, r, depth + 1));
      return r() < 0.1 && item.length > 1 ? [item[0], item[0]] : item;
    }
    default: {
      if (depth > 3) return {};
      const out: Node = {};
      const required: string[] = node.required ?? [];
      for (const [name, child] of Object.entries(node.properties ?? {})) if (required.includes(name) ? r() < 0.99 : r() < 0.4) out[name] = sample(child, root, r, depth + 1);
      if (r() < 0.03) out.extra = "x";
      return out;
    }
  }
}

function bodies(schema: JsonSchema, seed: number, count: number): unknown[] {
  const r = random(seed);
  return Array.from({ length: count }, () => sample(schema, schema, r));
}

// ---- one keyword changed -----------------------------------------------------------------------

/** Pointers to every subschema a mutation may change (properties, items, branches, definitions). */
function nodes(schema: Node, pointer = ""): string[] {
  const out = [pointer];
  for (const [name, child] of Object.entries(schema.properties ?? {})) out.push(...nodes(child as Node, `${pointer}/properties/${name}`));
  if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) out.push(...nodes(schema.items, `${pointer}/items`));
  for (const key of ["anyOf", "oneOf"]) (schema[key] ?? []).forEach((b: Node, i: number) => out.push(...nodes(b, `${pointer}/${key}/${i}`)));
  return out;
}

const at = (root: Node, pointer: string): Node => pointer.split("/").slice(1).reduce((o: Node, k) => o[k], root);

/** Moves a node's keywords into a new node (definitions stay where `$ref`s look for them). */
function takeOut(n: Node): Node {
  const inner: Node = {};
  for (const k of Object.keys(n)) {
    if (k === "$defs" || k === "definitions") continue;
    inner[k] = n[k];
    delete n[k];
  }
  return inner;
}

type Mutation = (node: Node, pick: <T>(list: readonly T[]) => T) => string | undefined;

/** Changes of one keyword; each returns the keyword it changed (undefined when it does not apply). */
const MUTATIONS: Record<string, Mutation> = {
  minimum: (n, pick) => ((n.minimum = pick([-1, 0, 2, 5, 10, 30])), "minimum"),
  maximum: (n, pick) => ((n.maximum = pick([0, 3, 9, 20, 100, 500])), "maximum"),
  dropBound: (n, pick) => {
    const key = pick(["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"]);
    return key in n ? (delete n[key], key) : undefined;
  },
  minLength: (n, pick) => ((n.minLength = pick([0, 1, 2, 4])), "minLength"),
  maxLength: (n, pick) => ((n.maxLength = pick([1, 3, 5, 13])), "maxLength"),
  minItems: (n, pick) => ((n.minItems = pick([0, 1, 2])), "minItems"),
  maxItems: (n, pick) => ((n.maxItems = pick([0, 1, 3, 6])), "maxItems"),
  multipleOf: (n, pick) => ((n.multipleOf = pick([1, 2, 3, 4])), "multipleOf"),
  pattern: (n, pick) => ((n.pattern = pick(["^[a-b]*$", "^a", "b", ".*", "^[a-z ]+$"])), "pattern"),
  format: (n, pick) => ((n.format = pick(["uri", "email", "date-time", "uuid"])), "format"),
  dropFormat: (n) => ("format" in n ? (delete n.format, "format") : undefined),
  type: (n, pick) => ((n.type = pick(["string", "integer", "number", "boolean", ["string", "null"], ["integer", "string"], "array", "object"])), "type"),
  dropType: (n) => ("type" in n ? (delete n.type, "type") : undefined),
  nullable: (n) => (typeof n.type === "string" && n.type !== "null" ? ((n.type = [n.type, "null"]), "type") : undefined),
  enum: (n, pick) => ((n.enum = pick([["fast", "slow"], ["a"], [1, 2, 3], ["fast", "slow", "best", "extra"], [true]])), "enum"),
  enumValue: (n, pick) => (Array.isArray(n.enum) && n.enum.length > 1 ? ((n.enum = pick([n.enum.slice(1), [...n.enum, "zzz"]])), "enum") : undefined),
  dropEnum: (n) => ("enum" in n ? (delete n.enum, "enum") : undefined),
  const: (n, pick) => ((n.const = pick(["a", 3, true])), "const"),
  uniqueItems: (n) => ((n.uniqueItems = !n.uniqueItems), "uniqueItems"),
  required: (n, pick) => {
    const names = Object.keys(n.properties ?? {});
    if (names.length === 0) return undefined;
    const name = pick(names);
    const required: string[] = n.required ?? [];
    n.required = required.includes(name) ? required.filter((x) => x !== name) : [...required, name];
    return "required";
  },
  dropProperty: (n, pick) => {
    const names = Object.keys(n.properties ?? {});
    if (names.length === 0) return undefined;
    const name = pick(names);
    delete n.properties[name];
    if (Array.isArray(n.required)) n.required = n.required.filter((x: string) => x !== name);
    return "properties";
  },
  addProperty: (n, pick) => (n.properties ? ((n.properties.extra = pick([{ type: "string" }, { type: "integer", maximum: 3 }])), "properties") : undefined),
  additionalProperties: (n, pick) => (n.type === "object" ? ((n.additionalProperties = pick([true, false, { type: "string" }])), "additionalProperties") : undefined),
  not: (n, pick) => ((n.not = pick([{ const: "a" }, { type: "null" }, { enum: [0, 1] }])), "not"),
  anyOfBranch: (n, pick) => (Array.isArray(n.anyOf) ? ((n.anyOf = pick([n.anyOf.slice(1), [...n.anyOf, { type: "boolean" }]])), "anyOf") : undefined),
  wrapAnyOf: (n, pick) => {
    const inner = takeOut(n);
    n.anyOf = [inner, pick([{ type: "boolean" }, { type: "string", maxLength: 2 }])];
    return "anyOf";
  },
  items: (n, pick) => (n.type === "array" ? ((n.items = pick([{ type: "integer" }, { type: "string" }, {}])), "items") : undefined),
  contains: (n, pick) => (n.type === "array" ? ((n.contains = pick([{ type: "string", maxLength: 2 }, { const: "a" }])), "contains") : undefined),
  propertyNames: (n, pick) => (n.properties ? ((n.propertyNames = pick([{ maxLength: 5 }, { pattern: "^[a-z_]+$" }])), "propertyNames") : undefined),
  ifThen: (n) => {
    const [a, b] = Object.keys(n.properties ?? {});
    if (a === undefined || b === undefined) return undefined;
    [n.if, n.then] = [{ required: [a] }, { required: [b] }];
    return "if";
  },
  dependencies: (n) => {
    const [a, b] = Object.keys(n.properties ?? {}).reverse();
    return a === undefined || b === undefined ? undefined : ((n.dependencies = { [a]: [b] }), "dependencies");
  },
};

/** Changes that leave the accepted bodies as they were (the spellings the engine must see through). */
const EQUIVALENT: Record<string, Mutation> = {
  description: (n) => ((n.description = `${n.description ?? ""} (changed)`), "description"),
  examples: (n) => ((n.examples = ["e"]), "examples"),
  deprecated: (n) => ((n.deprecated = true), "deprecated"),
  readOnly: (n) => ((n.readOnly = true), "readOnly"),
  unknownKeyword: (n) => ((n.step = 8), "step"),
  minLengthZero: (n) => ("minLength" in n ? undefined : ((n.minLength = 0), "minLength")),
  anyPattern: (n) => ("pattern" in n ? undefined : ((n.pattern = ".*"), "pattern")),
  typeListReordered: (n) => (Array.isArray(n.type) ? ((n.type = [...n.type].reverse()), "type") : undefined),
  nullableSpelling: (n) => {
    if (!Array.isArray(n.type) || !n.type.includes("null") || n.type.length !== 2) return undefined;
    const type = n.type.find((t: string) => t !== "null");
    delete n.type;
    n.anyOf = [{ type, ...takeOut(n) }, { type: "null" }];
    return "anyOf";
  },
  constAsEnum: (n) => ("const" in n ? ((n.enum = [n.const]), delete n.const, "enum") : Array.isArray(n.enum) && n.enum.length === 1 ? ((n.const = n.enum[0]), delete n.enum, "const") : undefined),
  // Not on an object that lists properties: the validator does not close a composed node.
  singleAllOf: (n) => {
    if (n.properties !== undefined) return undefined;
    n.allOf = [takeOut(n)];
    return "allOf";
  },
  annotationBranch: (n) => (n.properties === undefined ? ((n.allOf = [...(n.allOf ?? []), { description: "annotates only" }]), "allOf") : undefined),
  enumReordered: (n) => (Array.isArray(n.enum) ? ((n.enum = [...n.enum].reverse()), "enum") : undefined),
};

// Unbiased: fast-check favours small numbers, which would pick the same few nodes and mutations.
const index = fc.noBias(fc.nat());
const ARBITRARIES = [fc.noBias(fc.nat(1)), index, index, index, fc.noBias(fc.integer({ min: 1 }))] as const;

function mutate(base: JsonSchema, table: Record<string, Mutation>, which: number, where: number, choice: number): { schema: JsonSchema; pointer: string; name: string } | undefined {
  const schema = structuredClone(base) as Node;
  const pointers = nodes(schema);
  const pointer = pointers[where % pointers.length]!;
  const names = Object.keys(table);
  const name = names[which % names.length]!;
  const r = random(choice);
  const keyword = table[name]!(at(schema, pointer), (list) => list[Math.floor(r() * list.length)]!);
  return keyword === undefined ? undefined : { schema, pointer: `${pointer}/${keyword}`, name };
}

/** Whether a change's pointer is on the mutated node's line: the same node, an ancestor or a descendant. */
const related = (path: string, pointer: string) => pointer.startsWith(path) || path.startsWith(pointer.slice(0, pointer.lastIndexOf("/")));

describe("differential: the drift report against the generated validator", () => {
  it("a body the old schema accepts and the new one rejects always comes with a breaking change on the mutated node's line", () => {
    let shrinking = 0; // mutations that rejected a body the old schema accepted
    fc.assert(
      fc.property(...ARBITRARIES, (b, which, where, choice, seed) => {
        const base = BASES[b]!;
        const mutated = mutate(base, MUTATIONS, which, where, choice);
        if (mutated === undefined) return;
        const [before, after] = [validator(base), validator(mutated.schema)];
        const rejected = bodies(base, seed, 120).find((body) => before(body) && !after(body));
        if (rejected === undefined) return;
        shrinking++;
        const breaking = diffSchemas("m", base, mutated.schema).filter((c) => c.level === "breaking");
        expect(
          breaking.some((c) => related(c.path, mutated.pointer)),
          `${mutated.name} at ${mutated.pointer}: ${JSON.stringify(rejected)} passed before and fails now, but the report has ${JSON.stringify(breaking.map((c) => [c.rule, c.path]))}`,
        ).toBe(true);
      }),
      { seed: 1313, numRuns: 400 },
    );
    // The run must have found rejected bodies, or it tested nothing.
    expect(shrinking).toBeGreaterThan(25);
  });

  it("a change that leaves the accepted bodies the same gives no breaking change", () => {
    let checked = 0;
    fc.assert(
      fc.property(...ARBITRARIES, (b, which, where, choice, seed) => {
        const base = BASES[b]!;
        const mutated = mutate(base, EQUIVALENT, which, where, choice);
        if (mutated === undefined) return;
        const [before, after] = [validator(base), validator(mutated.schema)];
        // Sampled both ways: from the old schema's shape and from the new one's.
        const differing = [...bodies(base, seed, 60), ...bodies(mutated.schema, seed + 1, 60)].find((body) => before(body) !== after(body));
        expect(differing, `${mutated.name} at ${mutated.pointer} is not an equivalent change`).toBeUndefined();
        checked++;
        const breaking = diffSchemas("m", base, mutated.schema).filter((c) => c.level === "breaking");
        expect(breaking.map((c) => [c.rule, c.path]), `${mutated.name} at ${mutated.pointer}`).toEqual([]);
      }),
      { seed: 1313, numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
