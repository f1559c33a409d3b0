import { keywordRule } from "./define.js";

export default keywordRule({
  id: "description-changed",
  level: "docs",
  description: "A parameter's description changed.",
  example: { before: { type: "string", description: "Old." }, after: { type: "string", description: "New." } },
  keywords: ["description"],
  when: () => true,
  message: (subject) => `${subject}: description changed`,
});
