// Compares two snapshots and classifies every difference with the rule catalogue. Pure: plain
// data in, a report out.
import { canonicalJson } from "../snapshot/canonical.js";
import { isObject, type ModelContract } from "../load/model.js";
import type { JsonSchema } from "../load/schema-check.js";
import { RULES, UNCLASSIFIED } from "./rules/index.js";
import { childSubject, pointerTo, ROOT_SUBJECT, same, show } from "./support.js";
import { LEVELS, MODEL_PRESENCE, type Change, type DiffReport, type Finding, type Level, type ModelRule, type Rule, type SchemaRule } from "./types.js";

const MODEL_RULES = RULES.filter((r): r is ModelRule => r.scope === "model");
const SCHEMA_RULES = RULES.filter((r): r is SchemaRule => r.scope === "schema");

/** Where a model object keeps its request schema; the schema itself is compared node by node. */
const SCHEMA_FIELDS = ["json_request_schema", "request_schema"];
/** Subschema maps whose shared names are compared one by one. */
const CHILD_MAPS = ["properties", "patternProperties"];
/** Subschema lists whose branches are compared one by one. */
const CHILD_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
/** Reached through `$ref` and reported where they are used, so not compared as containers. */
const REFERENCED = ["definitions", "$defs"];
/** A model without a request schema takes no model-specific parameters (as the validator treats it). */
const NO_PARAMETERS: JsonSchema = { type: "object", properties: {} };

export function diffSnapshots(before: readonly ModelContract[], after: readonly ModelContract[]): DiffReport {
  const old = new Map(before.map((m) => [m.id, m]));
  const now = new Map(after.map((m) => [m.id, m]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  return summarize(ids.flatMap((id) => diffModels(id, old.get(id), now.get(id))));
}

/** Every change to one model; one side is undefined when the model was added or removed. */
export function diffModels(id: string, before: ModelContract | undefined, after: ModelContract | undefined): Change[] {
  const fields = (m: ModelContract | undefined) => (m === undefined ? undefined : Object.fromEntries(Object.entries(m.raw).filter(([k]) => !SCHEMA_FIELDS.includes(k))));
  const pair = { id, before: fields(before), after: fields(after) };
  const differing =
    pair.before === undefined || pair.after === undefined
      ? [MODEL_PRESENCE]
      : [...new Set([...Object.keys(pair.before), ...Object.keys(pair.after)])].filter((k) => !same(pair.before![k], pair.after![k])).sort();
  const changes = classify(id, MODEL_RULES, (rule) => rule.check(pair), differing, (field) => ({
    path: "",
    before: pair.before?.[field] ?? null,
    after: pair.after?.[field] ?? null,
    message: `${field} changed from ${show(pair.before?.[field])} to ${show(pair.after?.[field])}; no rule classifies this change`,
  }));
  if (before !== undefined && after !== undefined) changes.push(...diffSchemas(id, before.schema, after.schema));
  return changes;
}

/** Every change between two request schemas of one model (null: the model takes no parameters). */
export function diffSchemas(model: string, before: JsonSchema | null, after: JsonSchema | null): Change[] {
  const b = before ?? NO_PARAMETERS;
  const a = after ?? NO_PARAMETERS;
  const changes: Change[] = [];
  const definitions = (root: JsonSchema) => REFERENCED.map((k) => root[k] ?? null);
  walk({ model, roots: [b, a], definitionsSame: same(definitions(b), definitions(a)), active: new Set(), changes }, b, a, "", ROOT_SUBJECT);
  return changes;
}

export function summarize(changes: Change[]): DiffReport {
  const summary = Object.fromEntries(LEVELS.map((level) => [level, changes.filter((c) => c.level === level).length])) as Record<Level, number>;
  // A behaviour change is not a fix: it gets a minor bump so that consumers read the notes.
  const semver = summary.breaking > 0 ? "major" : summary.feature + summary.behavior > 0 ? "minor" : summary.docs > 0 ? "patch" : "none";
  return { changes, summary, semver };
}

/**
 * Runs the rules that claim a differing keyword, then reports every differing keyword that no
 * finding accounted for, and that is not `settled` by the caller, as `unclassified`.
 */
function classify<R extends Rule>(
  model: string,
  rules: readonly R[],
  run: (rule: R) => Finding[],
  differing: string[],
  unclassified: (keyword: string) => Omit<Change, "model" | "rule" | "level">,
  settled: ReadonlySet<string> = new Set(),
): Change[] {
  const changes: Change[] = [];
  const covered = new Set(settled);
  for (const rule of rules) {
    if (!differing.some((k) => rule.claims(k))) continue;
    for (const { keywords, ...finding } of run(rule)) {
      keywords.forEach((k) => covered.add(k));
      changes.push({ model, rule: rule.id, level: rule.level, ...finding });
    }
  }
  for (const keyword of differing) {
    if (!covered.has(keyword)) changes.push({ model, rule: UNCLASSIFIED.id, level: UNCLASSIFIED.level, ...unclassified(keyword) });
  }
  return changes;
}

interface Walk {
  model: string;
  /** The two root schemas, for `$ref`s. */
  roots: [JsonSchema, JsonSchema];
  /** Whether the definitions `$ref`s point at are the same on both sides. */
  definitionsSame: boolean;
  /** Pairs of `$ref` chains being compared further up, so a recursive schema ends. */
  active: Set<string>;
  changes: Change[];
}

function walk(ctx: Walk, rawBefore: unknown, rawAfter: unknown, pointer: string, subject: string): void {
  // Equal text means equal meaning unless it refers to definitions that changed.
  const unchanged = (b: unknown, a: unknown) => same(b, a) && (ctx.definitionsSame || !canonicalJson(b ?? null).includes('"$ref"'));
  if (unchanged(rawBefore, rawAfter)) return;
  const [before, beforeRefs] = resolve(rawBefore, ctx.roots[0]);
  const [after, afterRefs] = resolve(rawAfter, ctx.roots[1]);
  const cycle = `${beforeRefs.join(" ")}|${afterRefs.join(" ")}`;
  const viaRef = beforeRefs.length + afterRefs.length > 0;
  if (viaRef && ctx.active.has(cycle)) return;
  if (viaRef) ctx.active.add(cycle);

  // Containers are compared child by child below; a container whose only differences lie inside
  // its children is settled here and needs no rule.
  const differing: string[] = [];
  const children: [unknown, unknown, string, string][] = [];
  const settled = new Set<string>();
  for (const keyword of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (REFERENCED.includes(keyword) || unchanged(before[keyword], after[keyword])) continue;
    const pairs = childPairs(keyword, before[keyword], after[keyword]);
    if (!same(before[keyword], after[keyword])) differing.push(keyword);
    if (pairs === undefined) continue;
    if (pairs.complete) settled.add(keyword);
    for (const [b, a, name] of pairs.pairs) {
      children.push([b, a, pointerTo(pointer, keyword, ...(name === undefined ? [] : [name])), childSubject(subject, keyword, name)]);
    }
  }
  const pair = { before, after, pointer, subject };
  ctx.changes.push(
    ...classify(
      ctx.model,
      SCHEMA_RULES,
      (rule) => rule.check(pair),
      differing,
      (keyword) => ({
        path: pointerTo(pointer, keyword),
        before: before[keyword] ?? null,
        after: after[keyword] ?? null,
        message: `${subject}: ${keyword} changed from ${show(before[keyword])} to ${show(after[keyword])}; no rule classifies this change`,
      }),
      settled,
    ),
  );
  for (const [b, a, p, s] of children) walk(ctx, b, a, p, s);
  if (viaRef) ctx.active.delete(cycle);
}

interface ChildPairs {
  pairs: [before: unknown, after: unknown, name?: string | number][];
  /** No child added, removed or left unmatched. */
  complete: boolean;
}

/**
 * The subschemas of a container keyword to compare pairwise; undefined for a keyword that holds no
 * subschemas.
 */
function childPairs(keyword: string, before: unknown, after: unknown): ChildPairs | undefined {
  if (CHILD_MAPS.includes(keyword)) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const shared = Object.keys(b).filter((name) => Object.hasOwn(a, name)).sort();
    const complete = shared.length === Object.keys(b).length && shared.length === Object.keys(a).length;
    return { pairs: shared.map((name) => [b[name], a[name], name]), complete };
  }
  if (CHILD_LISTS.includes(keyword) || (keyword === "items" && (Array.isArray(before) || Array.isArray(after)))) {
    return Array.isArray(before) && Array.isArray(after) ? branchPairs(before, after) : { pairs: [], complete: false };
  }
  if (keyword === "items") return { pairs: [[before ?? true, after ?? true]], complete: true };
  // `false` on either side is a rule's business (closed/opened); otherwise absent means any value.
  if (keyword === "additionalProperties") return before === false || after === false ? { pairs: [], complete: false } : { pairs: [[before ?? true, after ?? true]], complete: true };
  return undefined;
}

/** Branches equal on both sides match first; the rest pair up in order when their counts agree. */
function branchPairs(before: unknown[], after: unknown[]): ChildPairs {
  const left = before.map((_, i) => i);
  const matched: ChildPairs["pairs"] = [];
  const right: number[] = [];
  after.forEach((branch, j) => {
    const i = left.findIndex((k) => same(before[k], branch));
    if (i === -1) right.push(j);
    // Equal text can still differ in meaning through a $ref, so matched branches are walked too.
    else matched.push([before[left.splice(i, 1)[0]!], branch, j]);
  });
  if (left.length !== right.length) return { pairs: matched, complete: false };
  return { pairs: [...matched, ...left.map((i, n): ChildPairs["pairs"][number] => [before[i], after[right[n]!], right[n]])], complete: true };
}

/**
 * A schema node as compared: `true`/`false` as schemas, local `$ref`s followed (siblings kept), and
 * spellings that mean the same made equal (`type` lists, `required` order, `const` as a one-value
 * enum). Returns the node and the refs followed.
 */
function resolve(raw: unknown, root: JsonSchema): [JsonSchema, string[]] {
  let node: JsonSchema = raw === true || raw === undefined ? {} : raw === false ? { not: {} } : (raw as JsonSchema);
  const refs: string[] = [];
  while (typeof node.$ref === "string" && !refs.includes(node.$ref)) {
    const target = lookup(root, node.$ref);
    if (target === undefined) break;
    refs.push(node.$ref);
    const { $ref: _, ...siblings } = node;
    node = { ...(target === true ? {} : target === false ? { not: {} } : (target as JsonSchema)), ...siblings };
  }
  return [normalize(node), refs];
}

function lookup(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node === true || node === false || isObject(node) ? node : undefined;
}

function normalize(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  if (Array.isArray(node.type)) {
    const listed = node.type as string[];
    // integer is part of number: ["integer", "number"] says "number".
    const types = [...new Set(listed)].filter((t) => t !== "integer" || !listed.includes("number")).sort();
    out.type = types.length === 1 ? types[0] : types;
  }
  if (Array.isArray(node.required)) out.required = [...new Set(node.required)].sort();
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  if (node.const !== undefined && node.enum === undefined) {
    out.enum = [node.const];
    delete out.const;
  }
  return out;
}
