import { isSubset, show, typeKinds } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "type-changed",
  level: "breaking",
  description: "A parameter's type changed to one that is neither narrower nor wider (e.g. string → integer).",
  example: { before: { type: "string" }, after: { type: "integer" } },
  keywords: ["type"],
  when: (before, after) => {
    const [b, a] = [typeKinds({ type: before }), typeKinds({ type: after })];
    return !isSubset(a, b) && !isSubset(b, a);
  },
  message: (subject, before, after) => `${subject}: type changed from ${show(before)} to ${show(after)}`,
});
