import { show } from "../support.js";
import { fieldRule } from "./define.js";

export default fieldRule({
  id: "endpoint-changed",
  level: "breaking",
  description: "The model's endpoint changed: requests sent where they used to go now fail.",
  example: { before: { endpoint: "/videos/generate" }, after: { endpoint: "/videos/create" } },
  fields: ["endpoint"],
  message: (_, before, after) => `endpoint changed from ${show(before)} to ${show(after)}`,
});
