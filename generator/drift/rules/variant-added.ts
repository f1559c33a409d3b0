import { disjoint } from "../branches.js";
import type { SchemaPair } from "../types.js";
import { branchRule } from "./define.js";

/** Whether branch `j` of the new oneOf accepts no value another branch accepts. */
export function disjointFromOthers(pair: SchemaPair, list: unknown[], j: number): boolean {
  const branches = list.map((raw) => pair.view(raw, "after"));
  return branches.every((other, k) => k === j || disjoint(branches[j]!, other, pair.after));
}

export default branchRule({
  id: "variant-added",
  level: "feature",
  description: "A branch was added to an anyOf, or to a oneOf whose other branches accept none of its values: more values are accepted.",
  example: { before: { anyOf: [{ type: "string" }, { type: "integer" }] }, after: { anyOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }] } },
  keywords: ["anyOf", "oneOf"],
  side: "after",
  pick: (pair, keyword, list) => pair.branches(keyword).added.filter((j) => keyword === "anyOf" || disjointFromOthers(pair, list, j)),
  message: (subject, keyword, j) => `${subject}: ${keyword} branch ${j} added`,
});
