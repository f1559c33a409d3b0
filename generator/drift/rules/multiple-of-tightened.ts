import { show } from "../support.js";
import { keywordRule } from "./define.js";

/** Every multiple of `after` is a multiple of `before`... or not: whether `after` loosens `before`. */
export function divides(after: number, before: number): boolean {
  const ratio = before / after;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

export default keywordRule({
  id: "multiple-of-tightened",
  level: "breaking",
  description: "A number must now be a multiple of a value (multipleOf added, or changed to one that is not a divisor of the old).",
  example: { before: { type: "integer", multipleOf: 2 }, after: { type: "integer", multipleOf: 4 } },
  keywords: ["multipleOf"],
  when: (before, after) => typeof after === "number" && (typeof before !== "number" || !divides(after, before)),
  message: (subject, before, after) => (before === undefined ? `${subject}: must now be a multiple of ${show(after)}` : `${subject}: multipleOf changed from ${show(before)} to ${show(after)}`),
});
