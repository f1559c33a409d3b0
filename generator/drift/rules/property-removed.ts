import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-removed",
  level: "breaking",
  description: "A parameter was removed: requests that send it are rejected by the validator.",
  example: { before: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } }, after: { type: "object", properties: { a: { type: "string" } } } },
  claims: (keyword) => keyword === "properties",
  check({ before, after, pointer, subject }) {
    // On an open object the property's name becomes free (or subject to additionalProperties): the walk compares that.
    if (after.additionalProperties !== false) return [];
    const kept = propertiesOf(after);
    const required = requiredOf(before);
    return Object.entries(propertiesOf(before))
      .filter(([name]) => !Object.hasOwn(kept, name))
      .map(([name, schema]) => ({
        path: pointerTo(pointer, "properties", name),
        // Dropping a required parameter also drops it from `required`; that is this change too.
        keywords: required.has(name) ? ["properties", "required"] : ["properties"],
        before: schema,
        after: null,
        message: `${childSubject(subject, "properties", name)}: parameter removed`,
      }));
  },
};
export default rule;
