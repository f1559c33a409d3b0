import { keywordRule } from "./define.js";

export default keywordRule({
  id: "unique-items-added",
  level: "breaking",
  description: "A list must now hold distinct items (uniqueItems: true).",
  example: { before: { type: "array" }, after: { type: "array", uniqueItems: true } },
  keywords: ["uniqueItems"],
  when: (before, after) => before !== true && after === true,
  message: (subject) => `${subject}: items must now be distinct`,
});
