import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-added-required",
  level: "breaking",
  description: "A new required parameter: requests without it are rejected.",
  example: { before: { type: "object", properties: { a: { type: "string" } } }, after: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, required: ["b"] } },
  claims: (keyword) => keyword === "properties",
  check({ before, after, pointer, subject }) {
    const old = propertiesOf(before);
    const required = requiredOf(after);
    return Object.entries(propertiesOf(after))
      .filter(([name]) => !Object.hasOwn(old, name) && required.has(name))
      .map(([name, schema]) => ({
        path: pointerTo(pointer, "properties", name),
        keywords: ["properties", "required"],
        before: null,
        after: schema,
        message: `${childSubject(subject, "properties", name)}: new required parameter`,
      }));
  },
};
export default rule;
