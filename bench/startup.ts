// Workload 4: start-up (importing the package in a fresh Node process) and minified bundle size,
// ours against @fal-ai/client and openai making a comparable call.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { browserBundle, splitBundle } from "./bundle.js";
import type { BenchContext } from "./context.js";
import { alternate, stat, timeProcess, type Stat } from "./measure.js";
import type { Row } from "./results.js";

/** The model whose one call the bundles and imports make. */
export const MODEL = "ltx-2-3-quality-audio-to-video";

/** How the whole index's size is counted: with code splitting, as an app bundler ships it. */
export const INDEX_SIZE_MEASURE = "entry and its static imports; each model's chunk loads on first use";

/**
 * Each subject: what a fresh process imports, and a browser program making one comparable call
 * (`split`: counted as `splitBundle` counts it; else one file).
 */
function subjects(root: string): Record<string, { specifier: string; program: string; split?: boolean }> {
  const dist = (path: string): string => join(root, "dist", "esm", path);
  const url = (path: string): string => pathToFileURL(dist(path)).href;
  const body = `{ prompt: "a choir", input_audio: "https://example.com/choir.mp3" }`;
  return {
    "one model (validate + enqueue)": {
      specifier: url(`generated/models/${MODEL}.js`),
      program: `import { validate, enqueue } from ${JSON.stringify(dist(`generated/models/${MODEL}.js`))};
const body = ${body};
if (validate(body).ok) console.log(await enqueue(body));`,
    },
    "whole index (OxenClient)": {
      specifier: url("generated/index.js"),
      program: `import { OxenClient } from ${JSON.stringify(dist("generated/index.js"))};
console.log(await new OxenClient({ apiKey: "k" }).queue.enqueue(${JSON.stringify(MODEL)}, ${body}));`,
      split: true,
    },
    "@fal-ai/client": {
      specifier: "@fal-ai/client",
      program: `import { fal } from "@fal-ai/client";
fal.config({ credentials: "k" });
console.log(await fal.queue.submit("fal-ai/ltx-2/audio-to-video", { input: ${body} }));`,
    },
    openai: {
      specifier: "openai",
      program: `import OpenAI from "openai";
console.log(await new OpenAI({ apiKey: "k", dangerouslyAllowBrowser: true }).videos.create({ model: "sora-2", prompt: "a choir" }));`,
    },
  };
}

export async function startupBench(ctx: BenchContext): Promise<Row[]> {
  const all = subjects(ctx.root);
  const importIn = (specifier: string) => () => timeProcess(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`], { cwd: ctx.root });
  const times: Record<string, Stat> = await alternate(
    { "node alone": () => timeProcess(process.execPath, ["-e", ""], { cwd: ctx.root }), ...Object.fromEntries(Object.entries(all).map(([name, s]) => [name, importIn(s.specifier)])) },
    ctx.quick ? 5 : 20,
  );
  const sizes: Record<string, number> = {};
  for (const [name, s] of Object.entries(all)) sizes[name] = s.split ? (await splitBundle(ctx.root, s.program)).atStartBytes : (await browserBundle(ctx.root, s.program)).byteLength;

  const startup = `import in a fresh Node process (node alone: ${Math.round(times["node alone"]!.median)} ms)`;
  const pairs = ["one model (validate + enqueue)", "whole index (OxenClient)"].flatMap((ours) => ["@fal-ai/client", "openai"].map((peer) => [ours, peer] as const));
  const rows: Row[] = [
    ...pairs.map(([ours, peer]): Row => ({ workload: "start-up", case: startup, unit: "ms", better: "lower", ours: { label: ours, stat: times[ours]! }, peer: { label: peer, stat: times[peer]! } })),
    ...pairs.map(([ours, peer]): Row => ({
      workload: "size",
      case: "minified browser bundle of one comparable call",
      unit: "B",
      better: "lower",
      ours: { label: all[ours]!.split ? `${ours}: ${INDEX_SIZE_MEASURE}` : ours, stat: stat([sizes[ours]!]) },
      peer: { label: peer, stat: stat([sizes[peer]!]) },
    })),
  ];
  return rows;
}
