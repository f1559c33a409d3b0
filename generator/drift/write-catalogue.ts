// Writes docs/drift-rules.md from the rule registry and the oasdiff mapping.
import { writeFileSync } from "node:fs";
import { CATALOGUE_FILE, mappingProblems, readMapping, renderCatalogue } from "./catalogue.js";

const mapping = readMapping();
const problems = mappingProblems(mapping);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
writeFileSync(CATALOGUE_FILE, renderCatalogue(mapping));
console.log(`wrote ${CATALOGUE_FILE}`);
