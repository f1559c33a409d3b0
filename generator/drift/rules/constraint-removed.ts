import { keywordRule } from "./define.js";
import { PRESENCE_KEYWORDS } from "./constraint-added.js";

export default keywordRule({
  id: "constraint-removed",
  level: "feature",
  description: "A not, contains, if/then/else, anyOf or oneOf was removed: what it rejected is accepted.",
  example: { before: { type: "string", not: { const: "x" } }, after: { type: "string" } },
  keywords: PRESENCE_KEYWORDS,
  when: (before, after) => before !== undefined && after === undefined,
  message: (subject, _, __, keyword) => `${subject}: ${keyword} removed`,
});
