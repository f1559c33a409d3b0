import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "pattern-removed",
  level: "feature",
  description: "A string parameter no longer has to match a regular expression.",
  example: { before: { type: "string", pattern: "^[a-z]+$" }, after: { type: "string", pattern: ".*" } },
  keywords: ["pattern"],
  when: (before, after) => before !== undefined && after === undefined,
  message: (subject, before) => `${subject}: no longer has to match ${show(before)}`,
});
