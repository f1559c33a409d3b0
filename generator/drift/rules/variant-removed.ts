import { pointerTo } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "variant-removed",
  level: "breaking",
  description: "A branch of an anyOf/oneOf was removed: values only it accepted are rejected.",
  example: { before: { anyOf: [{ type: "string" }, { type: "integer" }] }, after: { anyOf: [{ type: "string" }, { type: "boolean" }, { type: "array" }] } },
  claims: (keyword) => keyword === "anyOf" || keyword === "oneOf",
  check(pair) {
    return ["anyOf", "oneOf"].flatMap((keyword) => {
      const [before, after] = [pair.before[keyword], pair.after[keyword]];
      if (!Array.isArray(before) || !Array.isArray(after)) return [];
      return pair
        .branches(keyword)
        .removed.map((i) => ({ path: pointerTo(pair.pointer, keyword, i), keywords: [keyword], before: before[i], after: null, message: `${pair.subject}: ${keyword} branch ${i} removed` }));
    });
  },
};
export default rule;
