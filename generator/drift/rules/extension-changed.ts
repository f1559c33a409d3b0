import { keywordRule } from "./define.js";

export default keywordRule({
  id: "extension-changed",
  level: "docs",
  description: "A vendor annotation (x-*) other than x-order changed; annotations do not change what is accepted.",
  example: { before: { type: "string", "x-ui": "slider" }, after: { type: "string", "x-ui": "box" } },
  keywords: (keyword) => keyword.startsWith("x-") && keyword !== "x-order",
  when: () => true,
  message: (subject, _, __, keyword) => `${subject}: annotation ${keyword} changed`,
});
