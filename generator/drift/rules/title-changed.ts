import { keywordRule } from "./define.js";

export default keywordRule({
  id: "title-changed",
  level: "docs",
  description: "A title changed.",
  example: { before: { type: "string", title: "Old" }, after: { type: "string", title: "New" } },
  keywords: ["title"],
  when: () => true,
  message: (subject) => `${subject}: title changed`,
});
