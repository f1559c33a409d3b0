// Compares two snapshots and classifies every difference with the rule catalogue. Pure: plain
// data in, a report out.
import { canonicalJson } from "../snapshot/canonical.js";
import { isObject, type ModelContract } from "../load/model.js";
import { pointerSegment, type JsonSchema } from "../load/schema-check.js";
import { disjoint, fingerprint, matchBranches } from "./branches.js";
import { compared, NO_CLOSING, SOFT_KEYS, type Closing, type Compared } from "./compared.js";
import { ENGINE_RULES, RULES, UNCLASSIFIED } from "./rules/index.js";
import { childSubject, pointerTo, ROOT_SUBJECT, same, show } from "./support.js";
import { LEVELS, MODEL_PRESENCE, type Change, type DiffReport, type Finding, type Level, type ModelRule, type Rule, type SchemaPair, type SchemaRule } from "./types.js";

const MODEL_RULES = RULES.filter((r): r is ModelRule => r.scope === "model");
const SCHEMA_RULES = RULES.filter((r): r is SchemaRule => r.scope === "schema");

/** Where a model object keeps its request schema; the schema itself is compared node by node. */
const SCHEMA_FIELDS = ["json_request_schema", "request_schema"];
/** Reached through `$ref` and reported where they are used, so not compared as containers. */
const REFERENCED = ["definitions", "$defs", "components"];
/** A model without a request schema takes no model-specific parameters (as the validator treats it). */
const NO_PARAMETERS: JsonSchema = { type: "object", properties: {} };
/** Subschemas where absent means "anything": a missing side compares as `{}`. */
const OPTIONAL_SINGLES = ["items", "propertyNames", "then", "else", "unevaluatedItems", "unevaluatedProperties"];
/** Subschemas whose presence is itself a constraint: compared only when both sides have one. */
const PRESENT_SINGLES = ["contains"];
/** Where the validator closes objects (see validatorSchema): children of these keywords. */
const CLOSING_CHILDREN = ["properties", "patternProperties", "items", "additionalProperties", "not"];

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
export function diffSchemas(model: string, before: JsonSchema | null, after: JsonSchema | null, subject = ROOT_SUBJECT, closing: Closing = { reach: true, here: true }): Change[] {
  const b = before ?? NO_PARAMETERS;
  const a = after ?? NO_PARAMETERS;
  const changes: Change[] = [];
  const definitions = (root: JsonSchema) => REFERENCED.map((k) => root[k] ?? null);
  walk({ model, roots: [b, a], definitionsSame: same(definitions(b), definitions(a)), active: new Set(), changes }, b, a, "", subject, closing);
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

/** Two subschemas to compare below a node: before, after, the keyword and name under which they sit. */
interface Child {
  before: unknown;
  after: unknown;
  keyword: string;
  name?: string | number;
  /** A oneOf branch that other branches may overlap: loosening it can reject a value. */
  exclusive?: boolean;
}

function walk(ctx: Walk, rawBefore: unknown, rawAfter: unknown, pointer: string, subject: string, closing: Closing): void {
  // Equal text means equal meaning unless it refers to definitions that changed.
  const unchanged = (b: unknown, a: unknown) => same(b, a) && (ctx.definitionsSame || !canonicalJson(b ?? null).includes('"$ref"'));
  if (unchanged(rawBefore, rawAfter)) return;
  let b = compared(rawBefore, ctx.roots[0], closing);
  let a = compared(rawAfter, ctx.roots[1], closing);
  // X and anyOf [X, Y] are compared as anyOf [X] and anyOf [X, Y]: a branch added.
  for (const keyword of ["anyOf", "oneOf"]) {
    if (Array.isArray(b.node[keyword]) && !Array.isArray(a.node[keyword])) a = lift(a, b.node, keyword);
    else if (Array.isArray(a.node[keyword]) && !Array.isArray(b.node[keyword])) b = lift(b, a.node, keyword);
  }
  const cycle = `${b.refs.join(" ")}|${a.refs.join(" ")}`;
  const viaRef = b.refs.length + a.refs.length > 0;
  if (viaRef && ctx.active.has(cycle)) return;
  if (viaRef) ctx.active.add(cycle);
  const { node: before } = b;
  const { node: after } = a;
  // A key merged from a branch, or spelled another way, is reported where it is written.
  const at = (keyword: string) => pointer + (a.origin[keyword] ?? b.origin[keyword] ?? `/${pointerSegment(keyword)}`);
  const relocate = (path: string) => {
    if (!path.startsWith(`${pointer}/`)) return path;
    const rest = path.slice(pointer.length + 1);
    const cut = rest.indexOf("/");
    const segment = cut === -1 ? rest : rest.slice(0, cut);
    const keyword = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    return at(keyword) + (cut === -1 ? "" : rest.slice(cut));
  };
  const below: Closing = viaRef ? { reach: true, here: true } : closing;

  // Containers are compared child by child below; a container whose only differences lie inside
  // its children is settled here and needs no rule.
  const differing: string[] = [];
  const children: Child[] = [];
  const settled = new Set<string>();
  for (const keyword of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (REFERENCED.includes(keyword) || unchanged(before[keyword], after[keyword])) continue;
    if (!same(before[keyword], after[keyword])) differing.push(keyword);
    const found = childrenOf(ctx, keyword, before, after);
    if (found === undefined) continue;
    if (found.complete) settled.add(keyword);
    children.push(...found.children);
  }
  const pair: SchemaPair = {
    before,
    after,
    pointer,
    subject,
    branches: (keyword) => matchBranches(listOf(before[keyword]), listOf(after[keyword]), ctx.roots),
    equivalent: (keyword) => fingerprint(before[keyword], ctx.roots[0]) === fingerprint(after[keyword], ctx.roots[1]),
    inner: (keyword) => {
      const inner: Change[] = [];
      walk({ ...ctx, changes: inner }, before[keyword], after[keyword], pointerTo(pointer, keyword), childSubject(subject, keyword), closingOf(keyword, below));
      return inner;
    },
    view: (raw, side) => compared(raw, ctx.roots[side === "before" ? 0 : 1]).node,
  };
  const found = classify(
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
  );
  ctx.changes.push(...found.map((c) => ({ ...c, path: relocate(c.path) })));
  for (const child of children) {
    const path = relocate(pointerTo(pointer, child.keyword, ...(child.name === undefined ? [] : [child.name])));
    const childSubjectText = childSubject(subject, child.keyword, child.name);
    const childClosing = closingOf(child.keyword, below);
    if (!child.exclusive) {
      walk(ctx, child.before, child.after, path, childSubjectText, childClosing);
      continue;
    }
    const inner: Change[] = [];
    walk({ ...ctx, changes: inner }, child.before, child.after, path, childSubjectText, childClosing);
    ctx.changes.push(...inner);
    if (inner.some((c) => c.level === "feature")) {
      const rule = ENGINE_RULES.variantOverlapWidened;
      ctx.changes.push({ model: ctx.model, rule: rule.id, level: rule.level, path, before: child.before ?? null, after: child.after ?? null, message: `${childSubjectText}: accepts more, and a value another oneOf branch also accepts is now rejected` });
    }
  }
  if (viaRef) ctx.active.delete(cycle);
}

/** `side` with the keys that `other` does not have alike moved into a single `keyword` branch. */
function lift(side: Compared, other: JsonSchema, keyword: string): Compared {
  // Nullability stays with the node: it is where a null branch went.
  const moved = Object.keys(side.node).filter((k) => !SOFT_KEYS.has(k) && k !== "nullable" && !(Object.hasOwn(other, k) && same(side.node[k], other[k])));
  if (moved.length === 0) return side;
  const node = Object.fromEntries(Object.entries(side.node).filter(([k]) => !moved.includes(k)));
  return { ...side, node: { ...node, [keyword]: [Object.fromEntries(moved.map((k) => [k, side.node[k]]))] } };
}

/** Where the validator closes objects below a keyword's subschema (see validatorSchema). */
function closingOf(keyword: string, parent: Closing): Closing {
  if (CLOSING_CHILDREN.includes(keyword)) return { reach: parent.reach, here: parent.reach };
  return ["anyOf", "oneOf", "allOf"].includes(keyword) ? { reach: parent.reach, here: false } : NO_CLOSING;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The subschemas of a container keyword to compare pairwise, and whether they account for every
 * difference of the keyword (`complete`); undefined for a keyword that holds no subschemas here.
 */
function childrenOf(ctx: Walk, keyword: string, before: JsonSchema, after: JsonSchema): { children: Child[]; complete: boolean } | undefined {
  const [b, a] = [before[keyword], after[keyword]];
  if (keyword === "properties") {
    const [old, now] = [isObject(b) ? b : {}, isObject(a) ? a : {}];
    const children: Child[] = [];
    let complete = true;
    for (const name of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      if (Object.hasOwn(old, name) && Object.hasOwn(now, name)) children.push({ before: old[name], after: now[name], keyword, name });
      // On an open object a listed property only constrains a name that was free (or vice versa).
      else if (Object.hasOwn(old, name) && after.additionalProperties !== false) children.push({ before: old[name], after: after.additionalProperties ?? true, keyword, name });
      else if (Object.hasOwn(now, name) && before.additionalProperties !== false && !(Array.isArray(after.required) && after.required.includes(name))) {
        children.push({ before: before.additionalProperties ?? true, after: now[name], keyword, name });
      } else complete = false;
    }
    return { children, complete };
  }
  if (keyword === "patternProperties" || keyword === "dependentSchemas") {
    const [old, now] = [isObject(b) ? b : {}, isObject(a) ? a : {}];
    const names = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
    return { children: names.map((name) => ({ before: old[name] ?? true, after: now[name] ?? true, keyword, name })), complete: true };
  }
  if (keyword === "allOf") {
    const match = matchBranches(listOf(b), listOf(a), ctx.roots);
    return {
      children: [
        ...match.pairs.map(([i, j]): Child => ({ before: listOf(b)[i], after: listOf(a)[j], keyword, name: j })),
        ...match.added.map((j): Child => ({ before: true, after: listOf(a)[j], keyword, name: j })),
        ...match.removed.map((i): Child => ({ before: listOf(b)[i], after: true, keyword, name: i })),
      ],
      complete: true,
    };
  }
  if (keyword === "anyOf" || keyword === "oneOf") {
    if (!Array.isArray(b) || !Array.isArray(a)) return undefined;
    const match = matchBranches(b, a, ctx.roots);
    const branches = a.map((raw) => compared(raw, ctx.roots[1]).node);
    const overlaps = (j: number) => keyword === "oneOf" && branches.some((other, k) => k !== j && !disjoint(branches[j]!, other, ctx.roots[1]));
    return {
      children: match.pairs.map(([i, j]) => ({ before: b[i], after: a[j], keyword, name: j, exclusive: overlaps(j) })),
      complete: match.added.length + match.removed.length === 0,
    };
  }
  if (keyword === "prefixItems") {
    const length = Math.max(listOf(b).length, listOf(a).length);
    return { children: Array.from({ length }, (_, i) => ({ before: listOf(b)[i] ?? before.items ?? true, after: listOf(a)[i] ?? after.items ?? true, keyword, name: i })), complete: true };
  }
  // `false` on either side is a rule's business (closed/opened); otherwise absent means any value.
  if (keyword === "additionalProperties") return b === false || a === false ? undefined : { children: [{ before: b ?? true, after: a ?? true, keyword }], complete: true };
  if (OPTIONAL_SINGLES.includes(keyword)) return { children: [{ before: b ?? true, after: a ?? true, keyword }], complete: true };
  if (PRESENT_SINGLES.includes(keyword)) return b === undefined || a === undefined ? undefined : { children: [{ before: b, after: a, keyword }], complete: true };
  // `not` and `if` are not monotone: a change of meaning is a rule's business, annotations are walked.
  if (keyword === "not" || keyword === "if") {
    if (b === undefined || a === undefined) return undefined;
    if (fingerprint(b, ctx.roots[0]) !== fingerprint(a, ctx.roots[1])) return undefined;
    return { children: [{ before: b, after: a, keyword }], complete: true };
  }
  return undefined;
}
