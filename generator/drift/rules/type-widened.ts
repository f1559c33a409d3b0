import { isStrictSubset, show, typeKinds } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "type-widened",
  level: "feature",
  description: "A parameter accepts more types (e.g. integer → number, or a type list gained a member).",
  example: { before: { type: "integer" }, after: { type: "number" } },
  keywords: ["type"],
  when: (before, after) => isStrictSubset(typeKinds({ type: before }), typeKinds({ type: after })),
  message: (subject, before, after) => `${subject}: type widened from ${show(before)} to ${after === undefined ? "any" : show(after)}`,
});
