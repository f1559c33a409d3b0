import { show } from "../support.js";
import { keywordRule } from "./define.js";
import { divides } from "./multiple-of-tightened.js";

export default keywordRule({
  id: "multiple-of-relaxed",
  level: "feature",
  description: "A multipleOf was removed, or changed to a divisor of the old value: every value that passed still passes.",
  example: { before: { type: "integer", multipleOf: 4 }, after: { type: "integer", multipleOf: 2 } },
  keywords: ["multipleOf"],
  when: (before, after) => typeof before === "number" && (after === undefined || (typeof after === "number" && divides(after, before))),
  message: (subject, before, after) => (after === undefined ? `${subject}: no longer has to be a multiple of ${show(before)}` : `${subject}: multipleOf relaxed from ${show(before)} to ${show(after)}`),
});
