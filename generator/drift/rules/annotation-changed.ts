import { show } from "../support.js";
import { ANNOTATIONS } from "../keywords.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "annotation-changed",
  level: "docs",
  description: "An annotation the validator ignores changed (readOnly, writeOnly, $comment, contentMediaType, discriminator, ...).",
  example: { before: { type: "string" }, after: { type: "string", readOnly: true } },
  keywords: ANNOTATIONS,
  when: () => true,
  message: (subject, before, after, keyword) => `${subject}: ${keyword} changed from ${show(before)} to ${show(after)} (annotation)`,
});
