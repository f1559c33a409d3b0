import { keywordRule } from "./define.js";

export default keywordRule({
  id: "deprecation-changed",
  level: "docs",
  description: "A parameter was marked deprecated, or no longer is; requests are validated as before.",
  example: { before: { type: "string" }, after: { type: "string", deprecated: true } },
  keywords: ["deprecated"],
  when: () => true,
  message: (subject, _, after) => `${subject}: ${after === true ? "now deprecated" : "no longer deprecated"}`,
});
