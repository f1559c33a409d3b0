import { show } from "../support.js";
import { keywordRule } from "./define.js";

/** Keywords whose presence is a constraint of its own, whatever subschema they hold. */
export const PRESENCE_KEYWORDS = ["not", "contains", "if", "anyOf", "oneOf"];

export default keywordRule({
  id: "constraint-added",
  level: "breaking",
  description: "A not, contains, if/then/else, anyOf or oneOf appeared where there was none: values it rejects are refused.",
  example: { before: { type: "array" }, after: { type: "array", contains: { const: "a" } } },
  keywords: PRESENCE_KEYWORDS,
  when: (before, after) => before === undefined && after !== undefined,
  message: (subject, _, after, keyword) => `${subject}: ${keyword} added (${show(after)})`,
});
