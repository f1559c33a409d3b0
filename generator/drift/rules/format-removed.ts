import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "format-removed",
  level: "feature",
  description: "A string format was removed: any string of the type is accepted.",
  example: { before: { type: "string", format: "uri" }, after: { type: "string" } },
  keywords: ["format"],
  when: (before, after) => before !== undefined && after === undefined,
  message: (subject, before) => `${subject}: format ${show(before)} removed`,
});
