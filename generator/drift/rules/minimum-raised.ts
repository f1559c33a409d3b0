import { boundOf, MIN_KEYWORDS, show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "minimum-raised",
  level: "breaking",
  description: "A lower bound was added or raised (minimum, exclusiveMinimum, minLength, minItems, minProperties, minContains).",
  example: { before: { type: "integer", minimum: 1 }, after: { type: "integer", minimum: 2 } },
  keywords: MIN_KEYWORDS,
  when: (before, after, keyword) => {
    const [b, a] = [boundOf(keyword, before), boundOf(keyword, after)];
    return a !== undefined && (b === undefined || a > b);
  },
  message: (subject, before, after, keyword) =>
    before === undefined ? `${subject}: ${keyword} ${show(after)} added` : `${subject}: ${keyword} raised from ${show(before)} to ${show(after)}`,
});
