import { childSubject, pointerTo, propertiesOf, requiredOf } from "../support.js";
import type { SchemaRule } from "../types.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "property-added-optional",
  level: "feature",
  description: "A new optional parameter.",
  claims: (keyword) => keyword === "properties",
  check({ before, after, pointer, subject }) {
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
