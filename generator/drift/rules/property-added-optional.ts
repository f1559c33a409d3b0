import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-added-optional",
  level: "feature",
  description: "A new optional parameter (on an object that rejected properties it did not list).",
  example: { before: { type: "object", properties: { a: { type: "string" } } }, after: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } } },
  claims: (keyword) => keyword === "properties",
  check({ before, after, pointer, subject }) {
    // On an open object the new property constrains a name that was free: the walk compares it.
    if (before.additionalProperties !== false) return [];
    const old = propertiesOf(before);
    const required = requiredOf(after);
    return Object.entries(propertiesOf(after))
      .filter(([name]) => !Object.hasOwn(old, name) && !required.has(name))
      .map(([name, schema]) => ({
        path: pointerTo(pointer, "properties", name),
        keywords: ["properties"],
        before: null,
        after: schema,
        message: `${childSubject(subject, "properties", name)}: new optional parameter`,
      }));
  },
};
export default rule;
