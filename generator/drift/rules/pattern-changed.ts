import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "pattern-changed",
  level: "breaking",
  description: "A regular expression was replaced by another: strings that matched the old one may not match the new one.",
  example: { before: { type: "string", pattern: "^[a-z]+$" }, after: { type: "string", pattern: "^[a-z0-9]+$" } },
  // A pattern every string matches (".*", "") counts as none: replacing by it is pattern-removed.
  keywords: ["pattern"],
  when: (before, after) => before !== undefined && after !== undefined,
  message: (subject, before, after) => `${subject}: must now match ${show(after)} instead of ${show(before)}`,
});
