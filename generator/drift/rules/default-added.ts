import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "default-added",
  level: "behavior",
  description: "A parameter gained a default: requests that leave it out now get that value.",
  example: { before: { type: "integer" }, after: { type: "integer", default: 4 } },
  keywords: ["default"],
  when: (before, after) => before === undefined && after !== undefined,
  message: (subject, _, after) => `${subject}: default ${show(after)} added`,
});
