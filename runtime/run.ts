// `run`: validate, queue one generation and wait for it. Kept apart from the queue calls, so that
// only a caller of `run` carries the waiting and the event stream.
import { AbortError, OxenError } from "./errors.js";
import { EventSubscription, type EventStreamOptions } from "./events.js";
import { prepareInput, type ModelRef } from "./inputs.js";
import { cancelGeneration, enqueueGeneration, getQueueRow, type CallContext, type EnqueueOptions } from "./queue-calls.js";
import type { Backoff } from "./retry.js";
import type { Transport } from "./transport.js";
import type { GenerationHandle, SucceededRow } from "./types.js";
import type { ValidateOptions } from "./validation.js";
import { waitForGeneration, type WaitContext, type WaitOptions } from "./wait.js";

export interface RunOptions extends ValidateOptions, WaitOptions, Omit<EnqueueOptions, "numGenerations" | "timeoutMs"> {
  /** Called with the handle as soon as the generation is queued: store it to resume after a restart. */
  onEnqueued?: (handle: GenerationHandle) => void;
}

/** What `run` needs: the generation calls' context, and how to wait. */
export interface RunContext extends CallContext {
  readonly wait: WaitContext;
}

const DEFAULT_POLL: Backoff = { initialMs: 2000, maxMs: 15_000 };

/** How to wait for generations through `transport`: poll intervals default to 2 s doubling to 15 s. */
export function waitContext(transport: Transport, events: EventStreamOptions = {}, pollBackoff?: Partial<Backoff>): WaitContext {
  return {
    get: (id, o) => getQueueRow(transport, id, o),
    cancel: (id, o) => cancelGeneration(transport, id, o),
    subscribe: (o) => new EventSubscription(transport, { ...events, ...o }),
    log: (line) => transport.log(line),
    pollBackoff: { ...DEFAULT_POLL, ...pollBackoff },
  };
}

/**
 * Validates, uploads local files, subscribes to completion events, queues one generation and waits
 * for it: returns the final row, or throws as `queue.wait` does. See `OxenClient.run`.
 */
export async function runGeneration(ctx: RunContext, model: ModelRef, input: unknown, options: RunOptions = {}): Promise<SucceededRow> {
  const started = Date.now();
  const body = await prepareInput(ctx.upload, model, input, options);
  const via = options.via ?? "auto";
  const cancelOnAbort = options.cancelOnAbort ?? true;
  // The stream has no replay: it must be open before the job exists, or its completion can be missed.
  const events = via === "poll" ? undefined : ctx.wait.subscribe({ signal: options.signal });
  try {
    if (events !== undefined && via === "events") await events.ready;
    else await events?.ready.catch(() => {});
    const { timeoutMs: _deadline, ...enqueueOptions } = options;
    // An abort must not cut the paid POST short (that would leave a job with no handle to cancel):
    // it is let finish, and the wait below cancels the new generation at once.
    if (options.signal?.aborted) throw new AbortError("run aborted before the generation was queued", { cause: options.signal.reason });
    const signal = cancelOnAbort ? undefined : options.signal;
    const [handle] = await enqueueGeneration(ctx, model, body, { ...enqueueOptions, signal, numGenerations: 1 });
    if (handle === undefined) throw new OxenError("the queue accepted the request but returned no generation");
    options.onEnqueued?.(handle);
    return await waitForGeneration(ctx.wait, handle.generationId, { ...options, via, cancelOnAbort }, events, started);
  } finally {
    events?.close();
  }
}
