import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-became-optional",
  level: "feature",
  description: "A required parameter became optional.",
  example: { before: { type: "object", properties: { a: { type: "string" } }, required: ["a"] }, after: { type: "object", properties: { a: { type: "string" } } } },
  claims: (keyword) => keyword === "required",
  check({ before, after, pointer, subject }) {
    const now = requiredOf(after);
    const old = propertiesOf(before);
    const kept = propertiesOf(after);
    // A parameter that is gone altogether is property-removed.
    return [...requiredOf(before)]
      .filter((name) => !now.has(name) && !(Object.hasOwn(old, name) && !Object.hasOwn(kept, name)))
      .sort()
      .map((name) => ({
        path: pointerTo(pointer, "properties", name),
        keywords: ["required"],
        before: true,
        after: false,
        message: `${childSubject(subject, "properties", name)}: now optional`,
      }));
  },
};
export default rule;
