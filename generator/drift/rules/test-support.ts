// What the rule tests share: a change of one parameter `v`, classified.
import { diffSchemas } from "../engine.js";

/** The `rule:level` of every change when parameter `v` goes from `before` to `after`. */
export function rulesFor(before: unknown, after: unknown): string[] {
  const body = (v: unknown) => ({ type: "object", properties: { v } });
  return diffSchemas("m", body(before), body(after)).map((c) => `${c.rule}:${c.level}`);
}
