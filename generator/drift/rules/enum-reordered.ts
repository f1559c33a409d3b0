import { missingFrom } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "enum-reordered",
  level: "docs",
  description: "A parameter's allowed values are the same but listed in another order.",
  example: { before: { enum: ["a", "b"] }, after: { enum: ["b", "a"] } },
  keywords: ["enum"],
  when: (before, after) =>
    Array.isArray(before) && Array.isArray(after) && missingFrom(before, after).length === 0 && missingFrom(after, before).length === 0,
  message: (subject) => `${subject}: allowed values reordered`,
});
