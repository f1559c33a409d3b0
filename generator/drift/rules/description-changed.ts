import { keywordRule } from "./define.js";

export default keywordRule({
  id: "description-changed",
  level: "docs",
  description: "A parameter's description changed.",
  keywords: ["description"],
  when: () => true,
  message: (subject) => `${subject}: description changed`,
});
