import { pointerTo } from "../support.js";
import { disjointFromOthers } from "./variant-added.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "variant-overlap-added",
  level: "breaking",
  description: "A oneOf branch was added that may accept what another branch accepts: such values now match two branches and are rejected.",
  example: { before: { oneOf: [{ type: "string" }, { type: "integer" }] }, after: { oneOf: [{ type: "string" }, { type: "integer" }, { type: "string", maxLength: 3 }] } },
  claims: (keyword) => keyword === "oneOf",
  check(pair) {
    if (!Array.isArray(pair.before.oneOf) || !Array.isArray(pair.after.oneOf)) return [];
    const list = pair.after.oneOf;
    return pair
      .branches("oneOf")
      .added.filter((j) => !disjointFromOthers(pair, list, j))
      .map((j) => ({ path: pointerTo(pair.pointer, "oneOf", j), keywords: ["oneOf"], before: null, after: list[j], message: `${pair.subject}: oneOf branch ${j} added, which may overlap another branch` }));
  },
};
export default rule;
