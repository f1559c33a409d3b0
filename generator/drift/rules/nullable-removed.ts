import { keywordRule } from "./define.js";

export default keywordRule({
  id: "nullable-removed",
  level: "breaking",
  description: "A parameter no longer accepts null, whichever way nullability was spelled.",
  example: { before: { anyOf: [{ type: "string" }, { type: "null" }] }, after: { type: "string" } },
  keywords: ["nullable"],
  when: (before, after) => before === true && after !== true,
  message: (subject) => `${subject}: no longer accepts null`,
});
