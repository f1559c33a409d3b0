import { access, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { AbortError, GenerationCancelledError, GenerationFailedError, isLocalPath, ValidationError, type QueueRow } from "../../runtime/index.js";
import type { Io } from "../args.js";
import { InputError } from "../errors.js";
import { ownModel } from "../generated-models.js";
import { coerce, paramsOf } from "../params.js";
import { bytesText, elapsedText, Progress } from "../progress.js";
import { parseRunArgs, schemasOption, usage } from "../run-args.js";
import { findModel, loadSnapshot } from "../snapshot.js";
import { describeModel } from "./models.js";

const help = `${usage}

Runs a model: builds the request body from the flags (named after the model's parameters and
typed by its schema), validates it, uploads local files given for media parameters, queues one
generation, shows its progress, and downloads the video.

  --param value, key=value  a model parameter (\`oxen-contracts run <model> --help\` lists them)
  --body FILE               a JSON body to start from ("-" for standard input); flags override it
  --upload-to NS/REPO       upload local files to this Oxen repository (a public one: the model
                            fetches the URL without a key) and send their URLs
  --out FILE                where the video goes; default <model>-<generation id>.<ext>
  --via poll|events         how to wait; default events, or polling when the stream cannot be opened
  --json                    no progress; print one JSON result on stdout
  --schemas DIR             the snapshot folder to read the model from; default the package's

Ctrl-C cancels the generation on the server (a second Ctrl-C exits at once). Reads OXEN_API_KEY
and OXEN_BASE_URL. Exit 0 when the video is saved; 1 for invalid input or a failed or cancelled
generation; 2 for a usage error or an unknown model.`;

/** Stands in for a local file's URL while the body is checked, before anything is uploaded. */
const PENDING_UPLOAD = "https://uploads.invalid/pending";

/** The generated index, as this command uses it: the client typed for every model. */
interface Generated {
  OxenClient: new (options: object) => import("../../runtime/index.js").OxenClient;
}

/** `me/assets` → { namespace, repo } */
function uploadTarget(text: string): { namespace: string; repo: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (m === null) throw new InputError(`--upload-to must be namespace/repo, not ${JSON.stringify(text)}\nusage: ${usage}`);
  return { namespace: m[1]!, repo: m[2]! };
}

async function readBody(file: string, io: Io, modelId: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = file === "-" ? await io.stdin() : await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`--body ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--body ${file}: not valid JSON (${(error as Error).message})`);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new InputError(`--body ${file}: expected a JSON object`);
  const { model, ...rest } = body as Record<string, unknown>;
  if (model !== undefined && model !== modelId) throw new InputError(`--body ${file}: its "model" is ${JSON.stringify(model)}, not ${JSON.stringify(modelId)}`);
  return rest;
}

/** The local paths given for media parameters: `[parameter path, file path]`. */
function localPaths(body: Record<string, unknown>, media: readonly string[]): [string, string][] {
  return media.flatMap((name) => {
    const value = body[name];
    const values = Array.isArray(value) ? value.map((v, i) => [`${name}[${i}]`, v] as const) : [[name, value] as const];
    return values.filter((e): e is readonly [string, string] => typeof e[1] === "string" && isLocalPath(e[1])).map(([at, path]) => [at, path] as [string, string]);
  });
}

/** `body` with every local path at a media parameter replaced by `url`. */
function replaceLocalPaths(body: Record<string, unknown>, media: readonly string[], url: (path: string) => string): Record<string, unknown> {
  const out = { ...body };
  for (const name of media) {
    const swap = (v: unknown): unknown => (typeof v === "string" && isLocalPath(v) ? url(v) : v);
    if (Object.hasOwn(out, name)) out[name] = Array.isArray(out[name]) ? (out[name] as unknown[]).map(swap) : swap(out[name]);
  }
  return out;
}

/** The extension of a result URL's file, default mp4. */
function extensionOf(url: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(new URL(url).pathname)?.[1] ?? "mp4";
}

/** Runs `onFirst` at the first Ctrl-C; the second exits at once. Returns the way to stop listening. */
function onInterrupt(onFirst: () => void): () => void {
  let count = 0;
  const handler = (): void => {
    if (++count > 1) {
      process.stderr.write("\ninterrupted again: exiting now\n");
      process.exit(130);
    }
    onFirst();
  };
  process.on("SIGINT", handler);
  return () => process.off("SIGINT", handler);
}

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const [modelId, ...rest] = argv;
  if (modelId === "-h" || modelId === "--help") return io.out(help), 0;
  if (modelId === undefined || modelId.startsWith("-")) throw new InputError(`expected a model id first\nusage: ${usage}`);
  const schemas = schemasOption(rest);
  const model = findModel(await loadSnapshot(schemas === undefined ? undefined : resolve(schemas)), modelId);
  const params = paramsOf(model.schema);
  const args = parseRunArgs(rest, params, modelId);
  if (args.help) return io.out(describeModel(model)), 0;
  const target = args.uploadTo === undefined ? undefined : uploadTarget(args.uploadTo);

  // The generated models as they are on disk, as `validate` reads them.
  const module = await ownModel(modelId, () => `${modelId} is in the snapshot but has no generated validator in this package (run \`oxen-contracts generate\`)`);
  const media = module.ref.media ?? [];

  const json = args.json;
  const fail = (result: Record<string, unknown>, lines: string[]): number => {
    if (json) io.out(JSON.stringify({ ok: false, model: modelId, ...result }, null, 2));
    else for (const line of lines) io.err(line);
    return 1;
  };

  const body = args.body === undefined ? {} : await readBody(args.body, io, modelId);
  for (const [param, raws] of args.given) {
    try {
      body[param.name] = coerce(param, raws);
    } catch (error) {
      return fail({ errors: [{ path: param.name, message: (error as Error).message }] }, [(error as Error).message]);
    }
  }
  // Everything is checked before a byte is uploaded; files to upload stand in as URLs meanwhile.
  const checked = module.validate(target === undefined ? body : replaceLocalPaths(body, media, () => PENDING_UPLOAD));
  if (!checked.ok) return fail({ errors: checked.errors }, checked.errors.map((e) => e.message));
  for (const [at, path] of target === undefined ? [] : localPaths(body, media)) {
    try {
      await access(/^file:/i.test(path) ? new URL(path) : path);
    } catch (error) {
      return fail({ errors: [{ path: at, message: `${at}: cannot read ${path} (${(error as NodeJS.ErrnoException).code})` }] }, [`${at}: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`]);
    }
  }

  const apiKey = io.env.OXEN_API_KEY;
  if (!apiKey) throw new InputError("no API key: set OXEN_API_KEY (`oxen-contracts mock` prints one for the local server)");
  const generated = (await import(new URL("../../generated/index.js", import.meta.url).href)) as Generated;
  const oxen = new generated.OxenClient({ apiKey, baseUrl: io.env.OXEN_BASE_URL || undefined, uploads: target });
  const progress = new Progress(io, json ? "quiet" : io.interactive && !io.env.CI ? "live" : "lines");
  const controller = new AbortController();
  let generationId: string | undefined;
  const stopListening = onInterrupt(() => {
    const what = generationId === undefined ? "stopping" : `cancelling generation ${generationId} on the server`;
    progress.note(`Ctrl-C: ${what} (Ctrl-C again to exit at once)`);
    controller.abort();
  });

  let row: QueueRow | undefined;
  try {
    row = await oxen.run(modelId, body, {
      signal: controller.signal,
      via: args.via,
      onUploadProgress: (p) => progress.status(`uploading ${p.parameter}`, `${bytesText(p.sentBytes)} / ${bytesText(p.totalBytes)}`),
      onEnqueued: (handle) => {
        generationId = handle.generationId;
        progress.status("queued");
        progress.note(`queued generation ${handle.generationId}`);
      },
      onUpdate: (r) => progress.status(r.status),
    });
    const url = row.result_url;
    if (typeof url !== "string" || url === "") throw new Error(`generation ${row.generation_id} succeeded without a result_url`);
    const out = args.out ?? `${modelId.replace(/[^A-Za-z0-9._-]/g, "_")}-${row.generation_id}.${extensionOf(url)}`;
    const saved = await oxen.download(url, out, {
      signal: controller.signal,
      onProgress: (p) => progress.status("downloading", `${bytesText(p.receivedBytes)}${p.totalBytes === undefined ? "" : ` / ${bytesText(p.totalBytes)}`}`),
    });
    progress.stop();
    if (json) io.out(JSON.stringify({ ok: true, model: modelId, generationId: row.generation_id, status: row.status, resultUrl: url, file: out, bytes: saved.bytes, elapsedMs: progress.elapsedMs }, null, 2));
    else io.out(`saved ${out} (${bytesText(saved.bytes)}) from generation ${row.generation_id} in ${elapsedText(progress.elapsedMs)}`);
    return 0;
  } catch (error) {
    progress.stop();
    if (controller.signal.aborted && error instanceof AbortError) {
      if (row !== undefined) return fail({ generationId: row.generation_id, status: row.status, error: "download interrupted" }, [`download interrupted; the video stays at ${row.result_url}`]);
      if (generationId === undefined) return fail({ status: null, error: "cancelled" }, ["cancelled before anything was queued: nothing was submitted"]);
      // Say what the server says, not what was asked of it.
      const status = (await oxen.queue.get(generationId).catch(() => undefined))?.status ?? "unknown";
      return fail({ generationId, status, error: "cancelled" }, [`cancelled: generation ${generationId} is ${status} on the server`]);
    }
    if (error instanceof GenerationFailedError || error instanceof GenerationCancelledError) {
      return fail({ generationId: error.generationId, status: error.row.status, error: error.message }, [error.message]);
    }
    if (error instanceof ValidationError) return fail({ errors: error.errors }, error.errors.map((e) => e.message));
    throw error;
  } finally {
    stopListening();
  }
}
