import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-became-required",
  level: "breaking",
  description: "An optional parameter became required: requests without it are rejected.",
  example: { before: { type: "object", properties: { a: { type: "string" } } }, after: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } },
  claims: (keyword) => keyword === "required",
  check({ before, after, pointer, subject }) {
    const was = requiredOf(before);
    const old = propertiesOf(before);
    const now = propertiesOf(after);
    // A parameter that is new as well is property-added-required.
    return [...requiredOf(after)]
      .filter((name) => !was.has(name) && !(Object.hasOwn(now, name) && !Object.hasOwn(old, name)))
      .sort()
      .map((name) => ({
        path: pointerTo(pointer, "properties", name),
        keywords: ["required"],
        before: false,
        after: true,
        message: `${childSubject(subject, "properties", name)}: now required`,
      }));
  },
};
export default rule;
