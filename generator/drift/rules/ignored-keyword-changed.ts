import { show } from "../support.js";
import { IGNORED_PREFIX } from "../keywords.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "ignored-keyword-changed",
  level: "docs",
  description: "A keyword the validator ignores where it stands changed (then/else without if, minContains without contains, a format it does not check).",
  example: { before: { type: "string", format: "int32" }, after: { type: "string", format: "int64" } },
  keywords: (keyword) => keyword.startsWith(IGNORED_PREFIX),
  when: () => true,
  message: (subject, before, after, keyword) => `${subject}: ${keyword.slice(IGNORED_PREFIX.length)} changed from ${show(before)} to ${show(after)} (ignored by the validator here)`,
});
