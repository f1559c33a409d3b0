import { keywordRule } from "./define.js";

export default keywordRule({
  id: "nullable-added",
  level: "feature",
  description: "A parameter now also accepts null (nullable: true, a type list with null, or a null branch of anyOf/oneOf).",
  example: { before: { type: "string" }, after: { type: ["string", "null"] } },
  keywords: ["nullable"],
  when: (before, after) => before !== true && after === true,
  message: (subject) => `${subject}: now accepts null`,
});
