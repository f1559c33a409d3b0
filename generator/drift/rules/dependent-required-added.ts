import { isObject } from "../../load/model.js";
import { pointerTo } from "../support.js";
import type { JsonSchema } from "../../load/schema-check.js";
import type { SchemaRule } from "../types.js";

/** The pairs "when `name` is sent, `needed` must be too" of a compared node, as "name needed" strings. */
export function dependencies(node: JsonSchema): Map<string, [string, string]> {
  const map = isObject(node.dependentRequired) ? node.dependentRequired : {};
  const out = new Map<string, [string, string]>();
  for (const [name, list] of Object.entries(map)) if (Array.isArray(list)) for (const needed of list) out.set(JSON.stringify([name, needed]), [name, String(needed)]);
  return out;
}

const rule: SchemaRule = {
  scope: "schema",
  id: "dependent-required-added",
  level: "breaking",
  description: "Sending one parameter now requires sending another (dependentRequired, or a list in dependencies).",
  example: { before: { type: "object" }, after: { type: "object", dependentRequired: { width: ["height"] } } },
  claims: (keyword) => keyword === "dependentRequired",
  check({ before, after, pointer, subject }) {
    const old = dependencies(before);
    return [...dependencies(after)]
      .filter(([key]) => !old.has(key))
      .map(([, [name, needed]]) => ({ path: pointerTo(pointer, "dependentRequired", name), keywords: ["dependentRequired"], before: null, after: needed, message: `${subject}: sending ${name} now requires ${needed}` }));
  },
};
export default rule;
