import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "default-changed",
  level: "behavior",
  description: "A parameter's default changed: requests that leave it out now get another value.",
  example: { before: { type: "integer", default: 4 }, after: { type: "integer", default: 8 } },
  keywords: ["default"],
  when: (before, after) => before !== undefined && after !== undefined,
  message: (subject, before, after) => `${subject}: default changed from ${show(before)} to ${show(after)}`,
});
