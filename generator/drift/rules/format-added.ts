import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "format-added",
  level: "breaking",
  description: "A string format the validator checks was added (e.g. \"uri\"): values that passed may now be rejected.",
  example: { before: { type: "string" }, after: { type: "string", format: "uri" } },
  keywords: ["format"],
  when: (before, after) => before === undefined && after !== undefined,
  message: (subject, _, after) => `${subject}: format ${show(after)} added`,
});
