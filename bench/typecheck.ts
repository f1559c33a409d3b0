// Workload 5: what the model map costs a consumer's `tsc --noEmit`, with our 31 models and with the
// 1,000-model snapshot (the generated TypeScript in the consumer's project, as `generate --out` makes it).
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSnapshot } from "../generator/load/load.js";
import type { JsonSchema } from "../generator/load/schema-check.js";
import type { BenchContext } from "./context.js";
import { alternate, timeProcess } from "./measure.js";
import type { Row } from "./results.js";

const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true, lib: ["ES2022", "DOM"], types: [] },
  files: ["consumer.ts"],
};

/** A body with every required parameter of the model, each a value its schema accepts. */
function requiredBody(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const body: Record<string, unknown> = {};
  for (const name of (schema.required ?? []) as string[]) {
    const p = properties[name] ?? {};
    body[name] = Array.isArray(p.enum) ? p.enum[0] : p.type === "integer" || p.type === "number" ? (p.minimum ?? 1) : p.type === "boolean" ? true : "https://example.com/a.mp3";
  }
  return body;
}

/** A consumer project over the snapshot `schemas`: generated code, and one file that uses the model map. */
async function consumer(ctx: BenchContext, name: string, schemas: string): Promise<string> {
  const dir = join(ctx.work, name);
  // The generated code imports oxen-contracts/runtime: the built package, installed as a link.
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(ctx.root, join(dir, "node_modules", "oxen-contracts"));
  await timeProcess(process.execPath, [ctx.cli, "generate", "--schemas", schemas, "--out", join(dir, "generated"), "--cache", join(ctx.work, "cache")], { cwd: dir });
  const model = (await loadSnapshot(schemas)).models.find((m) => m.id.startsWith("ltx-2-3-quality-audio-to-video"))!;
  writeFileSync(
    join(dir, "consumer.ts"),
    `import { OxenClient, type ModelInputs } from "./generated/index.js";
const oxen = new OxenClient({ apiKey: "k" });
const body: ModelInputs[${JSON.stringify(model.id)}] = ${JSON.stringify(requiredBody(model.schema!))};
export const handles = oxen.queue.enqueue(${JSON.stringify(model.id)}, body);
`,
  );
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  return dir;
}

export async function typecheckBench(ctx: BenchContext): Promise<Row[]> {
  const small = await consumer(ctx, "consumer-31", ctx.schemas);
  const large = await consumer(ctx, "consumer-1000", join(ctx.work, "snapshot"));
  const empty = join(ctx.work, "consumer-empty");
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, "consumer.ts"), "export const nothing = 0;\n");
  writeFileSync(join(empty, "tsconfig.json"), JSON.stringify(TSCONFIG));
  const tsc = join(ctx.root, "node_modules", "typescript", "bin", "tsc");
  const check = (dir: string) => () => timeProcess(process.execPath, [tsc, "-p", dir], { cwd: dir });
  const stats = await alternate({ empty: check(empty), small: check(small), large: check(large) }, ctx.quick ? 1 : 5);
  return [
    { workload: "consumer type-check", case: "tsc --noEmit: the 31-model map against a file that imports nothing", unit: "ms", better: "lower", ours: { label: "31 models", stat: stats.small }, peer: { label: "no import", stat: stats.empty }, growth: true },
    { workload: "consumer type-check", case: "tsc --noEmit: the model map at 1,000 models against 31", unit: "ms", better: "lower", ours: { label: "1,000 models", stat: stats.large }, peer: { label: "31 models", stat: stats.small }, growth: true },
  ];
}
