// `npm run bench` (full) or `npm run bench -- --quick` (the same workloads, fewer rounds).
// Benchmarks are never part of `npm test`. The full run rewrites bench/RESULTS.md; a quick run prints.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { clientBench } from "./client.js";
import type { BenchContext } from "./context.js";
import { generationBench, prepareSynthetic } from "./generation.js";
import { renderResults, type Row } from "./results.js";
import { startupBench } from "./startup.js";
import { typecheckBench } from "./typecheck.js";
import { checkTargets } from "./targets.js";
import { validationBench } from "./validation.js";

const WORKLOADS: Record<string, (ctx: BenchContext) => Promise<Row[]>> = {
  generation: generationBench,
  validation: validationBench,
  client: clientBench,
  startup: startupBench,
  typecheck: typecheckBench,
};

const { values } = parseArgs({ options: { quick: { type: "boolean" }, only: { type: "string", multiple: true } } });
const root = join(import.meta.dirname, "..");
const started = performance.now();
const log = (line: string): void => void process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

log("building the package (npm run build)");
execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const work = mkdtempSync(join(tmpdir(), "oxen-bench-"));
const ctx: BenchContext = { quick: values.quick === true, root, schemas: join(root, "schemas"), work, cli: join(root, "dist", "generator-package", "generator", "cli.js"), clientCli: join(root, "dist", "esm", "cli", "main.js") };
try {
  log("writing the synthetic snapshot");
  await prepareSynthetic(ctx);
  const rows: Row[] = [];
  for (const [name, bench] of Object.entries(WORKLOADS)) {
    if (values.only !== undefined && !values.only.includes(name)) continue;
    log(name);
    rows.push(...(await bench(ctx)));
  }
  const targets = await checkTargets(ctx, rows);
  const text = renderResults(rows, { date: new Date().toISOString().slice(0, 10), mode: ctx.quick ? "quick" : "full", seconds: (performance.now() - started) / 1000 }, targets);
  process.stdout.write(text);
  if (!ctx.quick && values.only === undefined) writeFileSync(join(import.meta.dirname, "RESULTS.md"), text);
} finally {
  rmSync(work, { recursive: true, force: true });
}
