import { show } from "../support.js";
import { fieldRule } from "./define.js";

export default fieldRule({
  id: "display-name-changed",
  level: "docs",
  description: "The model's display name changed.",
  example: { before: { display_name: "FLUX 3 Video" }, after: { display_name: "FLUX 3 Video (beta)" } },
  fields: ["display_name"],
  message: (_, before, after) => `display name changed from ${show(before)} to ${show(after)}`,
});
