import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "format-changed",
  level: "breaking",
  description: "A checked string format was replaced by another checked format (e.g. uri → email).",
  example: { before: { type: "string", format: "uri" }, after: { type: "string", format: "email" } },
  // Formats the validator does not check are `ignored:format` in the compared form.
  keywords: ["format"],
  when: (before, after) => before !== undefined && after !== undefined,
  message: (subject, before, after) => `${subject}: format changed from ${show(before)} to ${show(after)}`,
});
