import { show } from "../support.js";
import { isUnknownKeyword } from "../keywords.js";
import { keywordRule } from "./define.js";

// Upstream schemas carry keywords no spec defines (fal's min, step, limit_description); the
// validator treats them as annotations, so a sender feels no change.
export default keywordRule({
  id: "unknown-keyword-changed",
  level: "docs",
  description: "A keyword no JSON Schema or OpenAPI version defines changed; the validator ignores it.",
  example: { before: { type: "integer", step: 1 }, after: { type: "integer", step: 8 } },
  keywords: isUnknownKeyword,
  when: () => true,
  message: (subject, before, after, keyword) => `${subject}: ${keyword} changed from ${show(before)} to ${show(after)} (not a schema keyword; ignored by the validator)`,
});
