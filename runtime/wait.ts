import { AbortError, GenerationCancelledError, GenerationFailedError, OxenError, TimeoutError } from "./errors.js";
import type { EventSubscription, SubscribeOptions } from "./events.js";
import { backoffDelay, type Backoff } from "./retry.js";
import { follow } from "./signals.js";
import type { RequestOptions } from "./transport.js";
import type { QueueRow, QueueStatus, SucceededRow } from "./types.js";

export interface WaitOptions {
  signal?: AbortSignal;
  /** One deadline over the whole wait, in ms; past it, a TimeoutError. Default: none. */
  timeoutMs?: number;
  /** Cancel the generation on the server before throwing the TimeoutError. */
  cancelOnTimeout?: boolean;
  /**
   * Cancel the generation on the server when `signal` aborts, before throwing the AbortError.
   * Default false for `wait` (the generation may be someone else's), true for `run`.
   */
  cancelOnAbort?: boolean;
  /** Called with the row whenever its status changes (and once with the first row seen). */
  onUpdate?: (row: QueueRow) => void;
  /**
   * "poll" (default for `wait`): poll with backoff. "events": listen to `/api/events` and poll only
   * as a safety net (every `pollBackoff.maxMs`, and at once after a reconnect), since the stream
   * says nothing of cancellations nor of what happened while it was down; fails if the stream
   * cannot be opened. "auto" (default for `run`): "events", or "poll" when the stream cannot be opened.
   */
  via?: "poll" | "events" | "auto";
  /** Poll intervals. Default 2 s doubling to 15 s, with jitter (the client's `pollBackoff`). */
  pollBackoff?: Partial<Backoff>;
}

/** What waiting needs from the client. */
export interface WaitContext {
  get(id: string, options: RequestOptions): Promise<QueueRow>;
  cancel(id: string, options: RequestOptions): Promise<unknown>;
  subscribe(options: SubscribeOptions): EventSubscription;
  log(line: string): void;
  pollBackoff: Backoff;
}

const DEADLINE = Symbol("deadline");

/** A sleep that an event can cut short; a wake-up that comes while nobody sleeps is kept for the next sleep. */
class Waker {
  #pending = false;
  #resolve: (() => void) | undefined;

  wake(): void {
    if (this.#resolve === undefined) this.#pending = true;
    this.#resolve?.();
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (this.#pending || signal.aborted) {
      this.#pending = false;
      return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.#resolve = undefined;
      };
      const onAbort = (): void => (done(), reject(signal.reason));
      const timer = setTimeout(() => (done(), resolve()), ms);
      this.#resolve = () => (done(), resolve());
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}

/**
 * Waits for a generation to end: returns its row when it succeeded, throws GenerationFailedError or
 * GenerationCancelledError otherwise, TimeoutError past `timeoutMs`, AbortError when the caller aborts.
 * `subscription`, when given, is an event stream opened earlier (by `run`, before enqueueing);
 * `startedAt` is when the deadline's clock started (`run` starts it before enqueueing).
 */
export async function waitForGeneration(ctx: WaitContext, id: string, options: WaitOptions = {}, subscription?: EventSubscription, startedAt = Date.now()): Promise<SucceededRow> {
  const backoff = { ...ctx.pollBackoff, ...options.pollBackoff };
  const { controller, unlink } = follow(options.signal);
  const signal = controller.signal;
  const deadline = options.timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(DEADLINE), startedAt + options.timeoutMs - Date.now());
  const waker = new Waker();
  let events = subscription;
  /** Whether completion events are coming in, so that polling is only the safety net. */
  const stream = { live: false };
  let last: QueueStatus | undefined;
  try {
    if (events === undefined && (options.via === "events" || options.via === "auto")) events = ctx.subscribe({ signal });
    if (events !== undefined) await listen(ctx, events, id, waker, options.via ?? "auto", signal, stream);
    for (let polls = 0; ; polls++) {
      const row = await ctx.get(id, { signal });
      if (row.status !== last) {
        last = row.status;
        options.onUpdate?.(row);
      }
      if (row.status === "succeeded") {
        if (typeof row.result_url !== "string") throw new OxenError(`generation ${id} succeeded but its row has no result_url`);
        return row as SucceededRow;
      }
      if (row.status === "failed") throw new GenerationFailedError(row);
      if (row.status === "cancelled") throw new GenerationCancelledError(row);
      await waker.sleep(stream.live ? backoff.maxMs : backoffDelay(polls, backoff), signal);
    }
  } catch (error) {
    if (signal.reason === DEADLINE) {
      const note = options.cancelOnTimeout ? await cancelOnServer(ctx, id) : "";
      throw new TimeoutError(`waited ${options.timeoutMs} ms for generation ${id} (last status: ${last ?? "unknown"})${note}`, { cause: error });
    }
    if (options.signal?.aborted) {
      const note = options.cancelOnAbort ? await cancelOnServer(ctx, id) : "";
      if (note !== "" || !(error instanceof AbortError)) throw new AbortError(`waiting for generation ${id} aborted${note}`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(deadline);
    unlink();
    events?.close();
  }
}

/** Cancels a generation on the server; says how that went, as the end of an error message. */
async function cancelOnServer(ctx: WaitContext, id: string): Promise<string> {
  try {
    await ctx.cancel(id, {});
    return "; cancelled it";
  } catch (cancelError) {
    return `; could not cancel it: ${(cancelError as Error).message}`;
  }
}

/**
 * Waits for the stream to open, then wakes the poll loop on this generation's completion event and
 * after every reconnect; `stream.live` stays false when waiting goes on by polling alone.
 */
async function listen(ctx: WaitContext, events: EventSubscription, id: string, waker: Waker, via: string, signal: AbortSignal, stream: { live: boolean }): Promise<void> {
  try {
    await Promise.race([events.ready, new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }))]);
  } catch (error) {
    events.close();
    if (via === "events" || signal.aborted) throw error;
    ctx.log(`events unavailable (${(error as Error).message}); waiting for ${id} by polling`);
    return;
  }
  stream.live = true;
  events.onOpen((reconnected) => reconnected && waker.wake());
  void (async () => {
    try {
      for await (const event of events) if (event.generation_id === id) waker.wake();
    } catch (error) {
      ctx.log(`events for ${id} stopped (${(error as Error).message}); polling`);
      stream.live = false;
      waker.wake();
    }
  })();
}
