import { missingFrom } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "variant-added",
  level: "feature",
  description: "A branch was added to an anyOf: more values are accepted.",
  // Not oneOf: a new oneOf branch that overlaps another makes values matching both invalid.
  keywords: ["anyOf"],
  when: (before, after) => Array.isArray(before) && Array.isArray(after) && before.length !== after.length && missingFrom(after, before).length > 0,
  message: (subject, before, after) => `${subject}: ${missingFrom(after as unknown[], before as unknown[]).length} anyOf branch(es) added`,
});
