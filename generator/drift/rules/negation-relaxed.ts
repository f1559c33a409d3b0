import { pointerTo } from "../support.js";
import type { SchemaRule } from "../types.js";
import { negationNarrowed } from "./negation-changed.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "negation-relaxed",
  level: "feature",
  description: "The subschema of a not only narrowed (a bound, an enum value removed, ...): it excludes fewer values, so more are accepted.",
  example: { before: { type: "string", not: { enum: ["a", "b"] } }, after: { type: "string", not: { const: "a" } } },
  claims: (keyword) => keyword === "not",
  check: (pair) =>
    pair.before.not === undefined || pair.after.not === undefined || pair.equivalent("not") || !negationNarrowed(pair)
      ? []
      : [{ path: pointerTo(pair.pointer, "not"), keywords: ["not"], before: pair.before.not, after: pair.after.not, message: `${pair.subject}: excludes fewer values (not)` }],
};
export default rule;
