// Workload 1: generation over a synthetic 1,000-model snapshot, ours against the types-only tools.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSnapshot } from "../generator/load/load.js";
import { assignNames } from "../generator/emit/names.js";
import { writeFolder } from "../generator/write/write.js";
import type { BenchContext } from "./context.js";
import { alternate, timeProcess, type Stat } from "./measure.js";
import type { Row } from "./results.js";
import { corpusModels, syntheticSnapshot } from "./synthetic.js";

export const SYNTHETIC_MODELS = 1000;

/** The synthetic snapshot, and the same request schemas as the peers take them: one file each, and one OpenAPI document. */
export async function prepareSynthetic(ctx: BenchContext): Promise<string> {
  const snapshot = join(ctx.work, "snapshot");
  writeFolder(snapshot, await syntheticSnapshot(await corpusModels(ctx.schemas), SYNTHETIC_MODELS, ctx.schemas));
  const { models } = await loadSnapshot(snapshot);
  const names = assignNames(models.map((m) => m.id));
  const schemas: Record<string, unknown> = {};
  rmSync(join(ctx.work, "json-schemas"), { recursive: true, force: true });
  mkdirSync(join(ctx.work, "json-schemas"));
  for (const model of models) {
    const { stem, base } = names.get(model.id)!;
    const schema = { title: `${base}Input`, ...(model.schema ?? { type: "object" }) };
    schemas[`${base}Input`] = schema;
    writeFileSync(join(ctx.work, "json-schemas", `${stem}.json`), JSON.stringify(schema));
  }
  const document = { openapi: "3.1.0", info: { title: "synthetic models", version: "1" }, paths: {}, components: { schemas } };
  writeFileSync(join(ctx.work, "openapi.json"), JSON.stringify(document));
  return snapshot;
}

export async function generationBench(ctx: BenchContext): Promise<Row[]> {
  const snapshot = join(ctx.work, "snapshot");
  const node = (script: string, ...args: string[]): Promise<number> => timeProcess(process.execPath, [script, ...args], { cwd: ctx.work });
  const ours = (out: string, cache: string): Promise<number> => node(ctx.cli, "generate", "--schemas", snapshot, "--out", out, "--cache", cache);
  const jsstt = join(ctx.root, "node_modules", "json-schema-to-typescript", "dist", "src", "cli.js");
  const openapiTs = join(ctx.root, "node_modules", "openapi-typescript", "bin", "cli.js");
  // Every full run writes into a folder of its own: deleting the last run's output first would
  // charge the file system's clean-up to whichever run came next.
  let run = 0;
  const fresh = (name: string): string => join(ctx.work, `${name}-${++run}`);
  const peers = {
    "json-schema-to-typescript": () => node(jsstt, "-i", join(ctx.work, "json-schemas"), "-o", fresh("jsstt")),
    "json-schema-to-typescript --no-format": () => node(jsstt, "-i", join(ctx.work, "json-schemas"), "-o", fresh("jsstt"), "--no-format"),
    "openapi-typescript": () => node(openapiTs, join(ctx.work, "openapi.json"), "-o", `${fresh("openapi-typescript")}.ts`),
  };

  const full = await alternate({ ours: () => ours(fresh("generated"), fresh("cache")), ...peers }, ctx.quick ? 1 : 5);

  const out = join(ctx.work, "generated");
  const cache = join(ctx.work, "cache");
  await ours(out, cache); // the state the next two cases start from
  const unchanged = await alternate({ ours: () => ours(out, cache) }, ctx.quick ? 3 : 10);

  // One model's parameter description changes back and forth in both of its schemas (json_request_schema
  // is the one generate reads), so every run has one changed model whose type's documentation changes.
  const [first] = (await loadSnapshot(snapshot)).models;
  const file = join(snapshot, "models", `${assignNames([first!.id]).get(first!.id)!.stem}.json`);
  const original = readFileSync(file, "utf8");
  let flip = false;
  const oneChanged = await alternate(
    {
      ours: () => {
        flip = !flip;
        writeFileSync(file, flip ? original.replaceAll("Synthetic parameter", "Changed synthetic parameter") : original);
        return ours(out, cache);
      },
    },
    ctx.quick ? 3 : 10,
  );
  writeFileSync(file, original);

  const rows: Row[] = [];
  const add = (label: string, stat: Stat): void => {
    for (const [peer, peerStat] of Object.entries(full)) {
      if (peer === "ours") continue;
      rows.push({ workload: "generation", case: `${SYNTHETIC_MODELS} models, ${label}`, unit: "ms", better: "lower", ours: { label: "generate", stat }, peer: { label: `${peer} (full)`, stat: peerStat as Stat } });
    }
  };
  add("full", full.ours);
  add("nothing changed", unchanged.ours);
  add("one model changed", oneChanged.ours);
  return rows;
}
