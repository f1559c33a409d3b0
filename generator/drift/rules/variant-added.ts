import { pointerTo } from "../support.js";
import type { SchemaPair, SchemaRule } from "../types.js";
import { disjoint } from "../branches.js";

/** Whether branch `j` of the new oneOf accepts no value another branch accepts. */
export function disjointFromOthers(pair: SchemaPair, list: unknown[], j: number): boolean {
  const branches = list.map((raw) => pair.view(raw, "after"));
  return branches.every((other, k) => k === j || disjoint(branches[j]!, other, pair.after));
}

const rule: SchemaRule = {
  scope: "schema",
  id: "variant-added",
  level: "feature",
  description: "A branch was added to an anyOf, or to a oneOf whose other branches accept none of its values: more values are accepted.",
  example: { before: { anyOf: [{ type: "string" }, { type: "integer" }] }, after: { anyOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }] } },
  claims: (keyword) => keyword === "anyOf" || keyword === "oneOf",
  check(pair) {
    return ["anyOf", "oneOf"].flatMap((keyword) => {
      const [before, after] = [pair.before[keyword], pair.after[keyword]];
      if (!Array.isArray(before) || !Array.isArray(after)) return [];
      return pair
        .branches(keyword)
        .added.filter((j) => keyword === "anyOf" || disjointFromOthers(pair, after, j))
        .map((j) => ({ path: pointerTo(pair.pointer, keyword, j), keywords: [keyword], before: null, after: after[j], message: `${pair.subject}: ${keyword} branch ${j} added` }));
    });
  },
};
export default rule;
