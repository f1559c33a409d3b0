import { fieldRule } from "./define.js";

export default fieldRule({
  id: "model-description-changed",
  level: "docs",
  description: "The model's summary or description changed.",
  example: { before: { summary: "Old." }, after: { summary: "New." } },
  fields: ["summary", "description"],
  message: (field) => `${field} changed`,
});
