import { pointerTo } from "../support.js";
import type { SchemaRule } from "../types.js";
import { dependencies } from "./dependent-required-added.js";

const rule: SchemaRule = {
  scope: "schema",
  id: "dependent-required-removed",
  level: "feature",
  description: "Sending one parameter no longer requires sending another.",
  example: { before: { type: "object", dependentRequired: { width: ["height"] } }, after: { type: "object" } },
  claims: (keyword) => keyword === "dependentRequired",
  check({ before, after, pointer, subject }) {
    const now = dependencies(after);
    return [...dependencies(before)]
      .filter(([key]) => !now.has(key))
      .map(([, [name, needed]]) => ({ path: pointerTo(pointer, "dependentRequired", name), keywords: ["dependentRequired"], before: needed, after: null, message: `${subject}: sending ${name} no longer requires ${needed}` }));
  },
};
export default rule;
