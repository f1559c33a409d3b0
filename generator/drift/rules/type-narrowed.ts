import { isStrictSubset, show, typeKinds } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "type-narrowed",
  level: "breaking",
  description: "A parameter accepts fewer types (e.g. number → integer, or a type list lost a member).",
  example: { before: { type: "number" }, after: { type: "integer" } },
  keywords: ["type"],
  when: (before, after) => isStrictSubset(typeKinds({ type: after }), typeKinds({ type: before })),
  message: (subject, before, after) => `${subject}: type narrowed from ${before === undefined ? "any" : show(before)} to ${show(after)}`,
});
