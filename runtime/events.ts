import { APIError, OxenError } from "./errors.js";
import { backoffDelay, isRetryableStatus, type Backoff } from "./retry.js";
import { follow, sleep } from "./signals.js";
import { readSse } from "./sse.js";
import type { Transport } from "./transport.js";

/** A generation reached `succeeded` or `failed` (never sent for `cancelled`), with the queue row's field names. */
export interface CompletionEvent {
  generation_id: string;
  status: "succeeded" | "failed";
  media_type?: string;
  model_name?: string;
  result_url?: string;
  error_message?: string;
}

export interface EventStreamOptions {
  /** No byte (not even a keep-alive) for this long means the stream is dead: reconnect. Default 45 s. */
  idleTimeoutMs?: number;
  /** Between reconnection attempts. Default 1 s doubling to 30 s, with jitter. */
  reconnectBackoff?: Partial<Backoff>;
  /** The longest line or event (in characters) the reader holds; a longer one drops the connection, which reconnects. Default 1 MiB. */
  maxEventLength?: number;
}

export interface SubscribeOptions {
  signal?: AbortSignal;
}

const COMPLETED = "media_generation_completed";
const DEFAULT_RECONNECT: Backoff = { initialMs: 1000, maxMs: 30_000 };
/** Marks a connection ended by the idle timer, not by the subscriber. */
const IDLE = Symbol("idle");

/** A `media_generation_completed` payload in the queue row's names (`url`→`result_url`, `error`→`error_message`, `model`→`model_name`). */
export function completionEvent(data: string): CompletionEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const p = value as Record<string, unknown>;
  const text = (...keys: string[]): string | undefined => keys.map((k) => p[k]).find((v): v is string => typeof v === "string");
  const generationId = text("generation_id");
  const status = text("status");
  if (generationId === undefined || (status !== "succeeded" && status !== "failed")) return undefined;
  const event: CompletionEvent = { generation_id: generationId, status };
  const optional = { media_type: text("media_type"), model_name: text("model", "model_name"), result_url: text("url", "result_url"), error_message: text("error", "error_message") };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(event, { [key]: v });
  return event;
}

/**
 * A live subscription to `/api/events`: an AsyncIterable of completion events. It connects at once
 * (`ready` settles on the first connection) and reconnects after a drop or an idle stream; events
 * sent while disconnected are lost (the stream has no replay), which `onOpen` lets a waiter make up for.
 */
export class EventSubscription implements AsyncIterable<CompletionEvent> {
  /** Resolves once the stream is open; rejects if it cannot be opened (e.g. 401), or on close before. */
  readonly ready: Promise<void>;
  readonly #transport: Transport;
  readonly #idleTimeoutMs: number;
  readonly #backoff: Backoff;
  readonly #maxEventLength: number | undefined;
  readonly #stop: AbortController;
  readonly #unlink: () => void;
  readonly #buffer: CompletionEvent[] = [];
  readonly #openListeners = new Set<(reconnected: boolean) => void>();
  #notify: (() => void) | undefined;
  #error: unknown;
  #done = false;

  constructor(transport: Transport, options: EventStreamOptions & SubscribeOptions = {}) {
    this.#transport = transport;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
    this.#backoff = { ...DEFAULT_RECONNECT, ...options.reconnectBackoff };
    this.#maxEventLength = options.maxEventLength;
    const { controller, unlink } = follow(options.signal);
    this.#stop = controller;
    this.#unlink = unlink;
    let opened!: () => void;
    let failed!: (error: unknown) => void;
    this.ready = new Promise((resolve, reject) => ((opened = resolve), (failed = reject)));
    // Whoever only iterates should not see an unhandled rejection from `ready`.
    this.ready.catch(() => {});
    void this.#run(opened, failed);
  }

  /** Calls `listener` on every (re)connection; returns the function that stops it. */
  onOpen(listener: (reconnected: boolean) => void): () => void {
    this.#openListeners.add(listener);
    return () => this.#openListeners.delete(listener);
  }

  /** Ends the subscription: the connection is closed and iteration ends. */
  close(): void {
    this.#stop.abort();
    this.#finish(undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CompletionEvent> {
    try {
      for (;;) {
        const next = this.#buffer.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.#done) {
          if (this.#error !== undefined) throw this.#error;
          return;
        }
        await new Promise<void>((resolve) => (this.#notify = resolve));
      }
    } finally {
      this.close();
    }
  }

  #push(event: CompletionEvent): void {
    this.#buffer.push(event);
    this.#wakeReader();
  }

  #finish(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    this.#unlink();
    this.#wakeReader();
  }

  #wakeReader(): void {
    const notify = this.#notify;
    this.#notify = undefined;
    notify?.();
  }

  async #run(opened: () => void, failed: (error: unknown) => void): Promise<void> {
    const stop = this.#stop.signal;
    let connections = 0;
    let failures = 0;
    while (!stop.aborted) {
      const { controller, unlink } = follow(stop);
      let idle: ReturnType<typeof setTimeout> | undefined;
      const touch = (): void => {
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(IDLE), this.#idleTimeoutMs);
      };
      try {
        // Until the headers arrive the request's own time limit applies; after that, the idle timer.
        const response = await this.#transport.stream({ method: "GET", path: "/api/events", accept: "text/event-stream", signal: controller.signal, timeoutMs: this.#idleTimeoutMs });
        if (response.body === null) throw new OxenError("GET /api/events: the answer has no body");
        touch();
        failures = 0;
        if (connections++ === 0) opened();
        for (const listener of this.#openListeners) listener(connections > 1);
        for await (const message of readSse(response.body, touch, this.#maxEventLength)) {
          if (message.event !== COMPLETED) continue;
          const event = completionEvent(message.data);
          if (event === undefined) this.#transport.log(`GET /api/events: skipped a ${COMPLETED} event with an unreadable payload`);
          else this.#push(event);
        }
        this.#transport.log("GET /api/events: the stream ended; reconnecting");
      } catch (error) {
        if (stop.aborted) break;
        const fatal = error instanceof APIError && !isRetryableStatus(error.status);
        if (fatal || connections === 0) {
          // The stream cannot be opened (or is refused): say so rather than retry forever.
          failed(error);
          this.#finish(error);
          break;
        }
        this.#transport.log(`GET /api/events: ${controller.signal.reason === IDLE ? `no data for ${this.#idleTimeoutMs} ms` : (error as Error).message}; reconnecting`);
      } finally {
        clearTimeout(idle);
        unlink();
      }
      try {
        await sleep(backoffDelay(failures++, this.#backoff), stop);
      } catch {
        break;
      }
    }
    failed(new OxenError("the event subscription was closed before it opened"));
    this.#finish(undefined);
  }
}
