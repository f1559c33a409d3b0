// The generation calls as plain functions of a transport, so that a model module's `enqueue` or
// `generate` carries the transport, its retries and errors, and not the rest of the client.
import { ValidationError } from "./errors.js";
import { prepareInput, type InputOptions, type ModelRef, type Uploader } from "./inputs.js";
import { NUM_GENERATIONS, outOfRange } from "./limits.js";
import { pathOf, type RequestOptions, type Transport } from "./transport.js";
import type { GenerationHandle, QueueCreateResponse, QueueDeleteResponse, QueueRow, VideoGenerateResponse } from "./types.js";

/** What a generation call needs: a transport, and where local files go (absent: inputs take URLs only). */
export interface CallContext {
  readonly transport: Transport;
  readonly upload?: Uploader;
}

export interface EnqueueOptions extends InputOptions {
  /** An integer from 1 to 12 (the server's default: 1); anything else is refused before sending. */
  numGenerations?: number;
  targetNamespace?: string;
  targetRepo?: string;
  targetDirectory?: string;
}

/** The sync call blocks while the video is made (documented as up to 15 minutes). */
const GENERATE_TIMEOUT_MS = 20 * 60_000;

/** The sync call: blocks until the video is made (minutes). Never replayed once sent (see the README's retry policy). */
export async function generateVideo(ctx: CallContext, model: ModelRef, input: unknown, options: InputOptions = {}): Promise<VideoGenerateResponse> {
  const body = await prepareInput(ctx.upload, model, input, options);
  return ctx.transport.request({ method: "POST", path: "/api/ai/videos/generate", body: { ...body, model: model.id }, signal: options.signal, timeoutMs: options.timeoutMs ?? GENERATE_TIMEOUT_MS });
}

/** Validates and queues; returns one handle per generation. Never replayed once sent (see the README's retry policy). */
export async function enqueueGeneration(ctx: CallContext, model: ModelRef, input: unknown, options: EnqueueOptions = {}): Promise<GenerationHandle[]> {
  // Checked before anything is uploaded or sent.
  const problem = options.numGenerations === undefined ? undefined : outOfRange("numGenerations", options.numGenerations, NUM_GENERATIONS);
  if (problem !== undefined) throw new ValidationError(model.id, [{ path: "num_generations", keyword: "range", params: { ...NUM_GENERATIONS }, message: problem }]);
  const params = await prepareInput(ctx.upload, model, input, options);
  const body = {
    ...params,
    model: model.id,
    num_generations: options.numGenerations,
    target_namespace: options.targetNamespace,
    target_repo: options.targetRepo,
    target_directory: options.targetDirectory,
  };
  const created = await ctx.transport.request<QueueCreateResponse>({ method: "POST", path: "/api/ai/queue", body, signal: options.signal, timeoutMs: options.timeoutMs });
  const enqueuedAt = new Date().toISOString();
  const { schemaSha256 } = model;
  return created.generations.map((g) => ({ generationId: g.generation_id, modelId: model.id, enqueuedAt, ...(schemaSha256 === undefined ? {} : { schemaSha256 }) }));
}

/** One queue row. */
export function getQueueRow(transport: Transport, generationId: string, options: RequestOptions = {}): Promise<QueueRow> {
  return transport.request({ method: "GET", path: pathOf`/api/ai/queue/${generationId}`, ...options });
}

/** Cancels a queued or running generation; no effect on one that has ended. */
export function cancelGeneration(transport: Transport, generationId: string, options: RequestOptions = {}): Promise<QueueDeleteResponse> {
  return transport.request({ method: "DELETE", path: pathOf`/api/ai/queue/${generationId}`, ...options });
}
