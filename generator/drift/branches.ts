// Which branches of two anyOf/oneOf/allOf lists are the same branch: by meaning first (so a
// reordered list, or a `$ref` renamed with the same shape, pairs up), then by kind, then in order.
import { canonicalJson } from "../snapshot/canonical.js";
import { isObject } from "../load/model.js";
import type { JsonSchema } from "../load/schema-check.js";
import { compared } from "./compared.js";
import { ANNOTATIONS, DOCUMENTED } from "./keywords.js";
import { typeKinds } from "./support.js";

export interface BranchMatch {
  /** [index before, index after] of branches compared with each other. */
  pairs: [number, number][];
  /** Indexes (after) of branches with no counterpart. */
  added: number[];
  /** Indexes (before) of branches with no counterpart. */
  removed: number[];
}

const SCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas"];
const SCHEMA_SETS = ["anyOf", "oneOf", "allOf"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const isDoc = (key: string) => key.startsWith("x-") || ANNOTATIONS.includes(key) || DOCUMENTED.includes(key);

/**
 * What a schema means, as text: the compared form with `$ref`s inlined (a cycle by its refs),
 * branch lists as sets, and without annotations unless `docs`.
 */
export function fingerprint(raw: unknown, root: JsonSchema, docs = false, seen: readonly string[] = []): string {
  const { node, refs } = compared(raw, root);
  if (refs.some((r) => seen.includes(r))) return canonicalJson({ cycle: refs });
  const inner = [...seen, ...refs];
  const deep = (child: unknown) => JSON.parse(fingerprint(child, root, docs, inner)) as unknown;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((!docs && isDoc(key)) || key === "definitions" || key === "$defs" || key === "components") continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]));
    else if (SCHEMA_SETS.includes(key) && Array.isArray(value)) out[key] = value.map((v) => fingerprint(v, root, docs, inner)).sort();
    else if (key === "prefixItems" && Array.isArray(value)) out[key] = value.map(deep);
    else if (SCHEMA_SINGLES.includes(key)) out[key] = deep(value);
    else out[key] = value;
  }
  return canonicalJson(out);
}

/** Pairs the branches of `before` and `after` (each against its own root). */
export function matchBranches(before: readonly unknown[], after: readonly unknown[], roots: [JsonSchema, JsonSchema]): BranchMatch {
  const left = before.map((_, i) => i);
  const right = after.map((_, j) => j);
  const pairs: [number, number][] = [];
  const keys: ((raw: unknown, root: JsonSchema) => string)[] = [
    (raw, root) => fingerprint(raw, root, true),
    (raw, root) => fingerprint(raw, root),
    (raw, root) => kindOf(compared(raw, root).node),
  ];
  for (const key of keys) {
    const keyed = left.map((i) => key(before[i], roots[0]));
    for (const j of [...right]) {
      const k = keyed.indexOf(key(after[j], roots[1]));
      if (k === -1) continue;
      pairs.push([left[k]!, j]);
      left.splice(k, 1);
      keyed.splice(k, 1);
      right.splice(right.indexOf(j), 1);
    }
  }
  // What is left pairs in order when as many branches are left on both sides.
  if (left.length === right.length) left.forEach((i, n) => pairs.push([i, right[n]!]));
  const paired = left.length === right.length;
  return { pairs: pairs.sort((a, b) => a[1] - b[1]), added: paired ? [] : right, removed: paired ? [] : left };
}

/** A branch's kind: its type, or the names of its properties for an object. */
function kindOf(node: JsonSchema): string {
  const kinds = [...typeKinds(node)].sort().join(",");
  return isObject(node.properties) ? `${kinds}:${Object.keys(node.properties).sort().join(",")}` : kinds;
}

/** No value is valid under both (by kind of value, or by a required property's listed values). */
export function disjoint(a: JsonSchema, b: JsonSchema, root: JsonSchema): boolean {
  const kinds = (n: JsonSchema) => new Set([...typeKinds(n), ...(n.nullable === true ? ["null"] : [])]);
  const [ka, kb] = [kinds(a), kinds(b)];
  if (![...ka].some((k) => kb.has(k))) return true;
  const apart = (x: unknown, y: unknown) => Array.isArray(x) && Array.isArray(y) && !x.some((v) => y.some((w) => canonicalJson(v) === canonicalJson(w)));
  if (apart(a.enum, b.enum)) return true;
  const props = (n: JsonSchema) => (isObject(n.properties) ? n.properties : {});
  const required = (n: JsonSchema) => (Array.isArray(n.required) ? n.required : []);
  return Object.keys(props(a)).some((name) => {
    if (!required(a).includes(name) || !required(b).includes(name) || !Object.hasOwn(props(b), name)) return false;
    const [pa, pb] = [compared(props(a)[name], root).node, compared(props(b)[name], root).node];
    return apart(pa.enum, pb.enum);
  });
}
