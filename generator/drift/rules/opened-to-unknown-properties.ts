import { keywordRule } from "./define.js";

export default keywordRule({
  id: "opened-to-unknown-properties",
  level: "feature",
  description: "An object that rejected properties it does not list now accepts them.",
  example: { before: { type: "object", additionalProperties: false }, after: { type: "object" } },
  keywords: ["additionalProperties"],
  when: (before, after) => before === false && after !== false,
  message: (subject) => `${subject}: unknown properties now accepted`,
});
