import { showList } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "enum-restricted",
  level: "breaking",
  description: "A parameter that took any value of its type is now limited to a list (enum or const added).",
  example: { before: { type: "string" }, after: { type: "string", enum: ["a", "b"] } },
  keywords: ["enum"],
  when: (before, after) => before === undefined && Array.isArray(after),
  message: (subject, _, after) => `${subject}: now limited to ${showList(after as unknown[])}`,
});
