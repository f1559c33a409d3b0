import { keywordRule } from "./define.js";

export default keywordRule({
  id: "unique-items-removed",
  level: "feature",
  description: "A list may now hold repeated items (uniqueItems removed).",
  example: { before: { type: "array", uniqueItems: true }, after: { type: "array" } },
  keywords: ["uniqueItems"],
  when: (before, after) => before === true && after !== true,
  message: (subject) => `${subject}: items may now repeat`,
});
