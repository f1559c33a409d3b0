import { show } from "../support.js";
import { keywordRule } from "./define.js";

export default keywordRule({
  id: "render-type-changed",
  level: "docs",
  description: "How the UI renders a parameter (renderType) changed.",
  example: { before: { type: "string", renderType: "text" }, after: { type: "string", renderType: "textarea" } },
  keywords: ["renderType"],
  when: () => true,
  message: (subject, before, after) => `${subject}: render type changed from ${show(before)} to ${show(after)}`,
});
