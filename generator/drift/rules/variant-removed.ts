import { missingFrom } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "variant-removed",
  level: "breaking",
  description: "A branch of an anyOf/oneOf was removed: values only it accepted are rejected.",
  keywords: ["anyOf", "oneOf"],
  // Same length: the walker pairs the branches and compares them one by one instead.
  when: (before, after) => Array.isArray(before) && Array.isArray(after) && before.length !== after.length && missingFrom(before, after).length > 0,
  message: (subject, before, after, keyword) => `${subject}: ${missingFrom(before as unknown[], after as unknown[]).length} ${keyword} branch(es) removed`,
});
