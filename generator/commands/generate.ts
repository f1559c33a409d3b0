import { resolve } from "node:path";
import { parse, type Io } from "../args.js";
import { emitAll } from "../emit.js";
import { loadSnapshot } from "../load.js";
import { staleFiles, writeFolder } from "../write.js";

export const usage = "oxen-contracts generate [--schemas DIR] [--out DIR] [--check]";
const help = `${usage}

Turns a schema snapshot into TypeScript: per model an input type, a standalone validator and
typed request functions, plus the envelope types and the index.

  --schemas DIR  the snapshot folder (models/*.json, hub-openapi.json); default schemas/
  --out DIR      the output folder, replaced as a whole; default generated/
  --check        write nothing; exit 1 and list the files that differ from what would be generated`;

export async function generateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { schemas: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } }, usage);
  if (values.help) return io.out(help), 0;
  const out = resolve(values.out ?? "generated");
  const files = await emitAll(await loadSnapshot(resolve(values.schemas ?? "schemas")), out);
  if (values.check) {
    const stale = await staleFiles(out, files);
    if (stale.length === 0) return io.out(`${out}: up to date (${files.size} files)`), 0;
    io.err(`${out} is stale; run \`npm run generate\`. Files that differ:`);
    for (const path of stale) io.err(`  ${path}`);
    return 1;
  }
  await writeFolder(out, files);
  io.out(`generated ${files.size} files in ${out}`);
  return 0;
}
