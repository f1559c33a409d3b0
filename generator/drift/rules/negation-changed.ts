import { pointerTo } from "../support.js";
import type { SchemaRule } from "../types.js";

// `not` reverses its subschema: a change inside that loosens it tightens the parameter, and the
// reverse; which one a change is cannot be told in general, so any change of meaning counts.
const rule: SchemaRule = {
  scope: "schema",
  id: "negation-changed",
  level: "breaking",
  description: "The subschema of a not changed its meaning: values it excludes may now be refused.",
  example: { before: { type: "string", not: { const: "a" } }, after: { type: "string", not: { enum: ["a", "b"] } } },
  claims: (keyword) => keyword === "not",
  check: ({ before, after, pointer, subject, equivalent }) =>
    before.not === undefined || after.not === undefined || equivalent("not")
      ? []
      : [{ path: pointerTo(pointer, "not"), keywords: ["not"], before: before.not, after: after.not, message: `${subject}: the values it excludes (not) changed` }],
};
export default rule;
