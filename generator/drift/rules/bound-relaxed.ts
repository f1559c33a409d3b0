import { boundOf, MAX_KEYWORDS, MIN_KEYWORDS, show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "bound-relaxed",
  level: "feature",
  description: "A lower bound was lowered or removed, or an upper bound raised or removed.",
  keywords: [...MIN_KEYWORDS, ...MAX_KEYWORDS],
  example: { before: { type: "integer", maximum: 10 }, after: { type: "integer", maximum: 20 } },
  when: (before, after, keyword) => {
    const [b, a] = [boundOf(keyword, before), boundOf(keyword, after)];
    if (b === undefined) return false;
    if (a === undefined) return true;
    return MIN_KEYWORDS.includes(keyword) ? a < b : a > b;
  },
  message: (subject, before, after, keyword) =>
    after === undefined ? `${subject}: ${keyword} ${show(before)} removed` : `${subject}: ${keyword} relaxed from ${show(before)} to ${show(after)}`,
});
