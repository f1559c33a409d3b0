// The only stage that touches the network: reads model objects from the models endpoint (through
// the runtime's client, so it gets the runtime's retry policy and time limits) and turns them into
// a snapshot folder, all or nothing.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { APIError, AuthenticationError, NotFoundError, TimeoutError } from "../../runtime/errors.js";
import { OxenClient } from "../../runtime/index.js";
import { pathOf } from "../../runtime/transport.js";
import { InputError } from "../../cli/errors.js";
import { loadSnapshot } from "../load/load.js";
import { describe, isObject, parseModel } from "../load/model.js";
import { fileStem } from "../emit/names.js";
import { modelFileText, ownsSnapshotPath, readLock, snapshotFiles, type SnapshotEntry } from "./lock.js";
import { writeFolder } from "../write/write.js";

export const DEFAULT_CONCURRENCY = 4;

export interface FetchOptions {
  baseUrl: string;
  apiKey: string;
  /** Ids to fetch; undefined: every video model the list shows. */
  models?: readonly string[];
  /** Model details fetched at once. */
  concurrency: number;
  /** Time limit of one attempt of one request; the runtime's default when absent. */
  timeoutMs?: number;
  onProgress?(done: number, total: number): void;
}

/** The models of a list answer: `{ object: "list", data }` as documented, or the `{ models }` wrapper seen elsewhere. */
export function listedModels(body: unknown): unknown[] {
  if (isObject(body) && Array.isArray(body.data)) return body.data;
  if (isObject(body) && Array.isArray(body.models)) return body.models;
  throw new Error(`model list: expected { "object": "list", "data": [...] } or { "models": [...] }, got ${describe(body)}`);
}

/** The model of a detail answer: the object itself as documented, or a `{ model }` wrapper. */
export function detailModel(body: unknown): unknown {
  return isObject(body) && body.id === undefined && isObject(body.model) ? body.model : body;
}

/** Video models are not filtered server-side: a model is one when it outputs video or uses the video endpoint. */
export function isVideoModel(item: unknown): boolean {
  if (!isObject(item)) return false;
  const output = isObject(item.capabilities) ? item.capabilities.output : undefined;
  return (Array.isArray(output) && output.includes("video")) || item.endpoint === "/videos/generate";
}

/** An error of one request as one line naming what was asked for and why it failed. */
export function fetchFailure(what: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  if (error instanceof AuthenticationError) return new Error(`${what}: the API key was rejected (${error.message}); set OXEN_API_KEY to a valid key`);
  if (error instanceof NotFoundError) return new Error(`${what}: not found (${error.message})`);
  if (error instanceof TimeoutError) return new Error(`${what}: no answer in time (${error.message})`);
  if (error instanceof APIError) return new Error(`${what}: the server answered ${error.message}`);
  return new Error(`${what}: ${(error as Error).message}`);
}

/**
 * Runs `work` on every item, at most `limit` at once. The first failure aborts the rest and is
 * thrown once every started call has ended, so nothing is left running.
 */
async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const controller = new AbortController();
  const results: R[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

function clientOf(options: FetchOptions): OxenClient {
  return new OxenClient({ apiKey: options.apiKey, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
}

/** A model object as the API answered it, its text as a snapshot file holds it, and where it came from. */
export interface FetchedModel {
  /** The id it was asked for. */
  id: string;
  raw: unknown;
  text: string;
  source: string;
  fetchedAt: string;
}

/** Fetches the selected model objects as the API answers them; throws on the first failed request, naming the model. */
export async function fetchModelObjects(options: FetchOptions): Promise<FetchedModel[]> {
  const client = clientOf(options);
  const fetchedAt = new Date().toISOString();
  const ids = options.models ?? (await listVideoModels(client));
  let done = 0;
  options.onProgress?.(0, ids.length);
  return eachLimited(ids, options.concurrency, async (id, signal) => {
    const source = client.transport.url(pathOf`/api/ai/models/${id}`);
    let body: unknown;
    try {
      body = await client.models.get(id, { signal });
    } catch (error) {
      throw fetchFailure(`model ${id}`, error);
    }
    const raw = detailModel(body);
    options.onProgress?.(++done, ids.length);
    return { id, raw, text: modelFileText(raw), source, fetchedAt };
  });
}

/** Fetches the selected models for a snapshot: all or nothing, so the first that cannot be read ends it, named. */
export async function fetchModels(options: FetchOptions): Promise<SnapshotEntry[]> {
  return (await fetchModelObjects(options)).map(({ id, raw, text, source, fetchedAt }) => {
    const model = parseModel(raw, `model ${id} (${source})`);
    if (model.id !== id) throw new Error(`model ${id}: the server answered with model "${model.id}"`);
    return { model, text, source, fetchedAt };
  });
}

async function listVideoModels(client: OxenClient): Promise<string[]> {
  let body: unknown;
  try {
    body = await client.models.list();
  } catch (error) {
    throw fetchFailure("model list", error);
  }
  return listedModels(body)
    .filter(isVideoModel)
    .map((item, i) => {
      const id = (item as { id?: unknown }).id;
      if (typeof id !== "string" || id === "") throw new Error(`model list: item ${i} has no "id"`);
      return id;
    });
}

export interface SnapshotFetchOptions extends FetchOptions {
  /** Where Oxen's OpenAPI document is fetched from; without it the snapshot's copy is kept. */
  specUrl?: string;
}

/**
 * Refreshes the snapshot folder `dir` from the API. Everything is fetched and built in memory and
 * written in one swap: if any request fails, `dir` is left as it was. With `models`, only those are
 * fetched and the snapshot's other models are kept as they are. Lock entries of unchanged schemas
 * (and of an unchanged OpenAPI document) keep their source and fetched-at.
 */
export async function fetchSnapshot(dir: string, options: SnapshotFetchOptions): Promise<SnapshotEntry[]> {
  const now = new Date().toISOString();
  const hubPath = join(dir, "hub-openapi.json");
  // Read before any request, so that a missing document fails without waiting on the network.
  const keptHub =
    options.specUrl === undefined
      ? await readFile(hubPath, "utf8").catch(() => {
          throw new InputError(`${hubPath}: cannot read; pass --spec-url to fetch Oxen's OpenAPI document`);
        })
      : undefined;
  const kept = options.models === undefined ? [] : await keptEntries(dir, new Set(options.models), now);
  const fetched = await fetchModels(options);
  const hub = keptHub === undefined ? await fetchSpec(options, options.specUrl!) : { text: keptHub, source: hubPath, fetchedAt: now };
  writeFolder(dir, snapshotFiles([...kept, ...fetched], hub, await readLock(dir)), ownsSnapshotPath);
  return fetched;
}

/** The snapshot's models other than `replaced`, with their files' text as it is. */
async function keptEntries(dir: string, replaced: Set<string>, now: string): Promise<SnapshotEntry[]> {
  const hasModels = await stat(join(dir, "models")).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!hasModels) return [];
  const entries: SnapshotEntry[] = [];
  for (const model of (await loadSnapshot(dir)).models.filter((m) => !replaced.has(m.id))) {
    const file = join(dir, "models", `${fileStem(model.id)}.json`);
    // A file named otherwise than the writer names it is rewritten, in canonical form, under its proper name.
    const text = await readFile(file, "utf8").catch(() => modelFileText(model.raw));
    entries.push({ model, text, source: file, fetchedAt: now });
  }
  return entries;
}

async function fetchSpec(options: FetchOptions, url: string): Promise<{ text: string; source: string; fetchedAt: string }> {
  let body: unknown;
  try {
    // The transport sends the key only when the document lives on the API's own origin.
    body = await clientOf(options).transport.request({ method: "GET", path: url });
  } catch (error) {
    throw fetchFailure(`OpenAPI document ${url}`, error);
  }
  if (!isObject(body) || typeof body.openapi !== "string") throw new Error(`OpenAPI document ${url}: expected an OpenAPI document (an object with "openapi"), got ${describe(body)}`);
  return { text: modelFileText(body), source: url, fetchedAt: new Date().toISOString() };
}
