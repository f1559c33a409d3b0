import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "basic-changed",
  level: "docs",
  description: "The list of parameters the UI shows by default (basic) changed.",
  example: { before: { type: "object", properties: { a: {} }, basic: [] }, after: { type: "object", properties: { a: {} }, basic: ["a"] } },
  keywords: ["basic"],
  when: () => true,
  message: (subject, before, after) => `${subject}: basic parameters changed from ${show(before)} to ${show(after)}`,
});
