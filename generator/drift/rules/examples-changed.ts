import { keywordRule } from "./define.js";

export default keywordRule({
  id: "examples-changed",
  level: "docs",
  description: "A parameter's examples changed.",
  example: { before: { type: "string", examples: ["a"] }, after: { type: "string", examples: ["b"] } },
  keywords: ["examples", "example"],
  when: () => true,
  message: (subject) => `${subject}: examples changed`,
});
