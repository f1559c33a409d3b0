import { branchRule } from "./define.js";

export default branchRule({
  id: "variant-removed",
  level: "breaking",
  description: "A branch of an anyOf/oneOf was removed: values only it accepted are rejected.",
  example: { before: { anyOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }] }, after: { anyOf: [{ type: "string" }, { type: "boolean" }] } },
  keywords: ["anyOf", "oneOf"],
  side: "before",
  pick: (pair, keyword) => pair.branches(keyword).removed,
  message: (subject, keyword, i) => `${subject}: ${keyword} branch ${i} removed`,
});
