import { keywordRule } from "./define.js";

export default keywordRule({
  id: "closed-to-unknown-properties",
  level: "breaking",
  description: "An object now rejects properties it does not list (additionalProperties: false).",
  example: { before: { type: "object", additionalProperties: true }, after: { type: "object", additionalProperties: false } },
  keywords: ["additionalProperties"],
  when: (before, after) => after === false && before !== false,
  message: (subject) => `${subject}: unknown properties now rejected (additionalProperties: false)`,
});
