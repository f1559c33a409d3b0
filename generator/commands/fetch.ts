import { resolve } from "node:path";
import { DEFAULT_BASE_URL } from "../../runtime/transport.js";
import { parse, type Io } from "../../cli/args.js";
import { InputError } from "../../cli/errors.js";
import { DEFAULT_CONCURRENCY, fetchSnapshot, type FetchOptions } from "../snapshot/fetch.js";

export const usage = "oxen-contracts fetch [--base-url URL] [--models id,id | --all-video] [--schemas DIR] [--concurrency N] [--spec-url URL] [--timeout-ms N]";
const help = `${usage}

Refreshes the snapshot from the models endpoint: lists the models (GET /api/ai/models), keeps the
video models (or the named ones), fetches each one's object (GET /api/ai/models/{id}) and writes
models/, hub-openapi.json and lock.json in canonical form. All or nothing: if any model fails,
the snapshot is left as it was and the error names the model. With --models the snapshot's other
models are kept. Needs OXEN_API_KEY; the key is never printed.

  --base-url URL     default OXEN_BASE_URL, then ${DEFAULT_BASE_URL}
  --models id,id     only these models
  --all-video        every model whose output is video (the default)
  --schemas DIR      the snapshot folder to refresh; default schemas/
  --concurrency N    model objects fetched at once; default ${DEFAULT_CONCURRENCY}
  --spec-url URL     also refresh hub-openapi.json from this URL
  --timeout-ms N     time limit of each request attempt; default the client's (60 s)`;

/** A whole number within bounds, or an InputError naming the option. */
export function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new InputError(`${option}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** Where and how to fetch, from the environment and the common options; the key never leaves this object. */
export function fetchOptions(io: Io, values: { "base-url"?: string; concurrency?: string; "timeout-ms"?: string }): FetchOptions {
  const apiKey = io.env.OXEN_API_KEY;
  if (apiKey === undefined || apiKey === "") throw new InputError("no API key: set OXEN_API_KEY");
  const baseUrl = values["base-url"] ?? (io.env.OXEN_BASE_URL || DEFAULT_BASE_URL);
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new InputError(`base URL: expected an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  return {
    apiKey,
    baseUrl,
    concurrency: values.concurrency === undefined ? DEFAULT_CONCURRENCY : wholeNumber(values.concurrency, "--concurrency", 1, 64),
    timeoutMs: values["timeout-ms"] === undefined ? undefined : wholeNumber(values["timeout-ms"], "--timeout-ms", 1, 3_600_000),
  };
}

/** `12/31 models` on a terminal, rewritten in place; nothing in CI or when piped. */
export function progress(io: Io): FetchOptions["onProgress"] {
  if (!io.interactive) return undefined;
  return (done, total) => io.err(`${done === 0 ? "" : "\x1b[1A\x1b[2K"}${done}/${total} models`);
}

export async function fetchCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      "base-url": { type: "string" },
      models: { type: "string" },
      "all-video": { type: "boolean" },
      schemas: { type: "string" },
      concurrency: { type: "string" },
      "spec-url": { type: "string" },
      "timeout-ms": { type: "string" },
    },
    usage,
  );
  if (values.help) return io.out(help), 0;
  if (positionals.length > 0) throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${usage}`);
  if (values.models !== undefined && values["all-video"]) throw new InputError("--models and --all-video exclude each other");
  const models = values.models === undefined ? undefined : [...new Set(values.models.split(",").map((id) => id.trim()))];
  if (models !== undefined && (models.length === 0 || models.some((id) => id === ""))) throw new InputError(`--models: expected a comma-separated list of model ids, got ${JSON.stringify(values.models)}`);
  const dir = resolve(values.schemas ?? "schemas");
  const fetched = await fetchSnapshot(dir, {
    ...fetchOptions(io, values),
    models,
    specUrl: values["spec-url"],
    onProgress: progress(io),
  });
  io.out(`fetched ${fetched.length} model${fetched.length === 1 ? "" : "s"} into ${dir}`);
  return 0;
}
