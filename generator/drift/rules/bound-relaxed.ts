import { MAX_KEYWORDS, MIN_KEYWORDS, show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "bound-relaxed",
  level: "feature",
  description: "A lower bound was lowered or removed, or an upper bound raised or removed.",
  keywords: [...MIN_KEYWORDS, ...MAX_KEYWORDS],
  when: (before, after, keyword) => {
    if (typeof before !== "number") return false;
    if (after === undefined) return true;
    return typeof after === "number" && (MIN_KEYWORDS.includes(keyword) ? after < before : after > before);
  },
  message: (subject, before, after, keyword) =>
    after === undefined ? `${subject}: ${keyword} ${show(before)} removed` : `${subject}: ${keyword} relaxed from ${show(before)} to ${show(after)}`,
});
