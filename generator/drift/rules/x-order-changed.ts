import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "x-order-changed",
  level: "docs",
  description: "A parameter's display position (x-order) changed.",
  example: { before: { type: "string", "x-order": 1 }, after: { type: "string", "x-order": 2 } },
  keywords: ["x-order"],
  when: () => true,
  message: (subject, before, after) => `${subject}: display order (x-order) changed from ${show(before)} to ${show(after)}`,
});
