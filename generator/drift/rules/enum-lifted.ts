import { keywordRule } from "./define.js";

export default keywordRule({
  id: "enum-lifted",
  level: "feature",
  description: "A parameter limited to a list of values now takes any value of its type (enum or const removed).",
  example: { before: { type: "string", enum: ["a", "b"] }, after: { type: "string" } },
  keywords: ["enum"],
  when: (before, after) => Array.isArray(before) && after === undefined,
  message: (subject) => `${subject}: no longer limited to a list of values`,
});
