import { MIN_KEYWORDS, show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "minimum-raised",
  level: "breaking",
  description: "A lower bound was added or raised (minimum, exclusiveMinimum, minLength, minItems, minProperties).",
  keywords: MIN_KEYWORDS,
  when: (before, after) => typeof after === "number" && (before === undefined || (typeof before === "number" && after > before)),
  message: (subject, before, after, keyword) =>
    before === undefined ? `${subject}: ${keyword} ${show(after)} added` : `${subject}: ${keyword} raised from ${show(before)} to ${show(after)}`,
});
