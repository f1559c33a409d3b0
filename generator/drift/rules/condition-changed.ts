import { pointerTo } from "../support.js";
import type { SchemaRule } from "../types.js";

// Which values then or else applies to moved: some values that passed may now meet the other branch.
const rule: SchemaRule = {
  scope: "schema",
  id: "condition-changed",
  level: "breaking",
  description: "The if of an if/then/else changed its meaning: a value may now have to pass the other branch.",
  example: {
    before: { type: "object", if: { required: ["a"] }, then: { required: ["b"] } },
    after: { type: "object", if: { required: ["c"] }, then: { required: ["b"] } },
  },
  claims: (keyword) => keyword === "if",
  check: ({ before, after, pointer, subject, equivalent }) =>
    before.if === undefined || after.if === undefined || equivalent("if")
      ? []
      : [{ path: pointerTo(pointer, "if"), keywords: ["if"], before: before.if, after: after.if, message: `${subject}: the condition (if) changed` }],
};
export default rule;
