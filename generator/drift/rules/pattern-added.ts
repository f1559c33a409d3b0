import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "pattern-added",
  level: "breaking",
  description: "A string parameter must now match a regular expression.",
  example: { before: { type: "string" }, after: { type: "string", pattern: "^[a-z]+$" } },
  keywords: ["pattern"],
  // A pattern replaced by another cannot be compared; that is left to `unclassified`.
  when: (before, after) => before === undefined && after !== undefined,
  message: (subject, _, after) => `${subject}: must now match ${show(after)}`,
});
