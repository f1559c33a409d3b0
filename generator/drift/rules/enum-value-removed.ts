import { missingFrom, showList } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "enum-value-removed",
  level: "breaking",
  description: "A value was removed from a parameter's list of allowed values.",
  example: { before: { enum: ["a", "b"] }, after: { enum: ["a"] } },
  keywords: ["enum"],
  when: (before, after) => Array.isArray(before) && Array.isArray(after) && missingFrom(before, after).length > 0,
  message: (subject, before, after) => `${subject}: no longer accepts ${showList(missingFrom(before as unknown[], after as unknown[]))}`,
});
