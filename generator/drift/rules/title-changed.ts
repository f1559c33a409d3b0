import { keywordRule } from "./define.js";

export default keywordRule({
  id: "title-changed",
  level: "docs",
  description: "A title changed.",
  keywords: ["title"],
  when: () => true,
  message: (subject) => `${subject}: title changed`,
});
