import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "default-removed",
  level: "behavior",
  description: "A parameter lost its default: requests that leave it out no longer get that value.",
  example: { before: { type: "integer", default: 4 }, after: { type: "integer" } },
  keywords: ["default"],
  when: (before, after) => before !== undefined && after === undefined,
  message: (subject, before) => `${subject}: default ${show(before)} removed`,
});
