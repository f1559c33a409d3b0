import { MAX_KEYWORDS, show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "maximum-lowered",
  level: "breaking",
  description: "An upper bound was added or lowered (maximum, exclusiveMaximum, maxLength, maxItems, maxProperties, maxContains).",
  example: { before: { type: "string", maxLength: 10 }, after: { type: "string", maxLength: 5 } },
  keywords: MAX_KEYWORDS,
  when: (before, after) => typeof after === "number" && (before === undefined || (typeof before === "number" && after < before)),
  message: (subject, before, after, keyword) =>
    before === undefined ? `${subject}: ${keyword} ${show(after)} added` : `${subject}: ${keyword} lowered from ${show(before)} to ${show(after)}`,
});
