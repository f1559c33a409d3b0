import { onlyNarrows } from "../narrowing.js";
import { pointerTo } from "../support.js";
import type { SchemaPair, SchemaRule } from "../types.js";

/** The subschema of not changed its meaning, and that change can only narrow it: not then excludes less. */
export function negationNarrowed(pair: SchemaPair): boolean {
  return onlyNarrows(pair.inner("not"));
}

// `not` reverses its subschema: a change inside that loosens it tightens the parameter. Unless the
// change inside can only narrow (negation-relaxed), it counts as breaking.
const rule: SchemaRule = {
  scope: "schema",
  id: "negation-changed",
  level: "breaking",
  description: "The subschema of a not changed its meaning other than by only narrowing: values it now excludes are refused.",
  example: { before: { type: "string", not: { const: "a" } }, after: { type: "string", not: { enum: ["a", "b"] } } },
  claims: (keyword) => keyword === "not",
  check: (pair) =>
    pair.before.not === undefined || pair.after.not === undefined || pair.equivalent("not") || negationNarrowed(pair)
      ? []
      : [{ path: pointerTo(pair.pointer, "not"), keywords: ["not"], before: pair.before.not, after: pair.after.not, message: `${pair.subject}: the values it excludes (not) changed` }],
};
export default rule;
