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
    // A parameter gone from an object that rejects unlisted ones is property-removed.
    const gone = (name: string) => after.additionalProperties === false && Object.hasOwn(old, name) && !Object.hasOwn(kept, name);
    return [...requiredOf(before)]
      .filter((name) => !now.has(name) && !gone(name))
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
