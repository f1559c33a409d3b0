import { missingFrom, showList } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "enum-value-added",
  level: "feature",
  description: "A value was added to a parameter's list of allowed values.",
  example: { before: { enum: ["a"] }, after: { enum: ["a", "b"] } },
  keywords: ["enum"],
  when: (before, after) => Array.isArray(before) && Array.isArray(after) && missingFrom(after, before).length > 0,
  message: (subject, before, after) => `${subject}: now also accepts ${showList(missingFrom(after as unknown[], before as unknown[]))}`,
});
