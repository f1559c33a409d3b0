import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "format-added",
  level: "breaking",
  description: "A string format was added or replaced by another (e.g. \"uri\"): values that passed may now be rejected.",
  keywords: ["format"],
  when: (_, after) => after !== undefined,
  message: (subject, before, after) =>
    before === undefined ? `${subject}: format ${show(after)} added` : `${subject}: format changed from ${show(before)} to ${show(after)}`,
});
