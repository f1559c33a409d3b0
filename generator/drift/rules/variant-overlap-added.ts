import { branchRule } from "./define.js";
import { disjointFromOthers } from "./variant-added.js";

export default branchRule({
  id: "variant-overlap-added",
  level: "breaking",
  description: "A oneOf branch was added that may accept what another branch accepts: such values now match two branches and are rejected.",
  example: { before: { oneOf: [{ type: "string" }, { type: "integer" }] }, after: { oneOf: [{ type: "string" }, { type: "integer" }, { type: "string", maxLength: 3 }] } },
  keywords: ["oneOf"],
  side: "after",
  pick: (pair, keyword, list) => pair.branches(keyword).added.filter((j) => !disjointFromOthers(pair, list, j)),
  message: (subject, _, j) => `${subject}: oneOf branch ${j} added, which may overlap another branch`,
});
