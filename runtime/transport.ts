import { AbortError, apiErrorClass, ConnectionError, OxenError, TimeoutError } from "./errors.js";
import { backoffDelay, DEFAULT_RETRY_BACKOFF, failedBeforeSending, isReplayable, isRetryableStatus, retryAfterMs, type Backoff } from "./retry.js";
import { follow, sleep } from "./signals.js";

/** Receives one line per request and per retry; the API key never appears in it. */
export type Logger = (line: string) => void;

export interface ClientOptions {
  /** Defaults to the OXEN_API_KEY environment variable, read at the first request. */
  apiKey?: string;
  /** Defaults to OXEN_BASE_URL, then https://hub.oxen.ai. */
  baseUrl?: string;
  /** Defaults to the platform's fetch. */
  fetch?: typeof fetch;
  /** Time limit of one attempt of one request, in ms. Default 60 s (the sync generate call: 20 min). */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures the retry policy allows. Default 2. */
  maxRetries?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one ends the retries. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Backoff between retries when the server names no delay. Default 500 ms doubling to 8 s, with jitter. */
  retryBackoff?: Partial<Backoff>;
  logger?: Logger;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

export interface Request {
  method: "GET" | "POST" | "DELETE" | "PUT" | "HEAD";
  /** Path below the base URL with ids already encoded (see `pathOf`), or an absolute URL. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A body sent as it is (not JSON), made afresh for each attempt, with its content type. */
  rawBody?: { make(): BodyInit; type: string };
  signal?: AbortSignal;
  timeoutMs?: number;
  accept?: string;
}

export const DEFAULT_BASE_URL = "https://hub.oxen.ai";
const REDACTED = "[redacted]";
/** Keys at least this long are taken out wherever they occur: no real text contains one by chance. */
const LONG_KEY = 16;
/** A character that would make a short key part of a longer word or token. */
const WORD = /^[A-Za-z0-9_-]$/;
const DEFAULT_TIMEOUT_MS = 60_000;

function env(name: string): string | undefined {
  // `process` is absent in browsers and on some edge runtimes.
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === "" ? undefined : value;
}

/** A path with each parameter URL-encoded: `pathOf\`/api/ai/models/${id}\``. */
export function pathOf(strings: TemplateStringsArray, ...params: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < params.length ? encodeURIComponent(params[i]!) : ""), "");
}

/** The message and code of an error body, from either documented error shape. */
export function describeErrorBody(body: unknown): { message: string | undefined; code: string | undefined } {
  if (body === null || typeof body !== "object") return { message: typeof body === "string" && body !== "" ? body.slice(0, 500) : undefined, code: undefined };
  const b = body as { error?: { type?: unknown; title?: unknown; detail?: unknown; message?: unknown }; status_message?: unknown };
  const e = b.error ?? {};
  const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  const message = text(e.message) ?? ([text(e.title), text(e.detail)].filter(Boolean).join(": ") || undefined);
  return { message, code: text(e.type) ?? text(b.status_message) };
}

/** How one attempt ended, when it did not succeed. */
interface Failure {
  error: OxenError;
  retryable: boolean;
  /** Delay the server asked for. */
  retryAfterMs?: number;
}

/** Marks the abort of an attempt by its own timer, as opposed to the caller's signal. */
const TIMED_OUT = Symbol("timed out");

/**
 * Sends requests to the API with the bearer key, under the retry policy (see `retry.ts`): a non-2xx
 * answer becomes the APIError subclass for its status; a failed connection a ConnectionError.
 */
export class Transport {
  readonly baseUrl: string;
  readonly #apiKey: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #maxRetryAfterMs: number;
  readonly #backoff: Backoff;
  readonly #logger: Logger | undefined;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? env("OXEN_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.#backoff = { ...DEFAULT_RETRY_BACKOFF, ...options.retryBackoff };
    this.#logger = options.logger;
  }

  url(path: string, query?: Request["query"]): string {
    const url = new URL(/^https?:\/\//i.test(path) ? path : this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** A log line. Only our own words and text already redacted where it entered (see `redact`) reach it. */
  log(line: string): void {
    this.#logger?.(`oxen: ${line}`);
  }

  /**
   * Text from outside (an answer's body, a platform error) with the key taken out: the only places
   * the key can appear, since it is only ever sent in the authorization header. A key shorter than
   * LONG_KEY is taken out only where it stands alone, so that a short key cannot cut into words.
   */
  redact(text: string): string {
    const key = this.#key(false);
    if (key === undefined || key === "") return text;
    if (key.length >= LONG_KEY) return text.split(key).join(REDACTED);
    let out = "";
    let from = 0;
    for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
      if (WORD.test(text.charAt(at - 1)) || WORD.test(text.charAt(at + key.length))) continue;
      out += text.slice(from, at) + REDACTED;
      from = at + key.length;
      at = from - 1;
    }
    return out + text.slice(from);
  }

  /** Sends a request and parses the JSON answer. */
  request<T>(req: Request): Promise<T> {
    return this.#send(req, false, async (response, what) => {
      const text = this.redact(await response.text());
      if (text === "") return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new OxenError(`${what}: the answer is not valid JSON (${response.status}${requestIdOf(response) ? `, request ${requestIdOf(response)}` : ""}): ${text.slice(0, 200)}`);
      }
    });
  }

  /**
   * Sends a request and returns the response with its body unread, for streams. The time limit
   * covers the wait for the headers; the caller's signal keeps governing the body.
   */
  stream(req: Request): Promise<Response> {
    return this.#send(req, true, async (response) => response);
  }

  #key(required: boolean): string | undefined {
    const key = this.#apiKey ?? env("OXEN_API_KEY");
    if (key === undefined && required) throw new OxenError("no API key: pass { apiKey } to the client or set OXEN_API_KEY");
    return key;
  }

  async #send<T>(req: Request, streaming: boolean, read: (response: Response, what: string) => Promise<T>): Promise<T> {
    const url = this.url(req.path, req.query);
    // The key goes only to the API's own origin, never to a presigned link on another host.
    const key = new URL(url).origin === new URL(this.baseUrl).origin ? this.#key(true) : undefined;
    const headers: Record<string, string> = { accept: req.accept ?? "application/json" };
    if (key !== undefined) headers.authorization = `Bearer ${key}`;
    if (req.body !== undefined) headers["content-type"] = "application/json";
    if (req.rawBody !== undefined) headers["content-type"] = req.rawBody.type;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const what = `${req.method} ${new URL(url).pathname}`;
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;

    for (let retry = 0; ; retry++) {
      if (req.signal?.aborted) throw abortError(what, req.signal.reason);
      const { controller, unlink } = follow(req.signal);
      const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
      const started = Date.now();
      let failure: Failure;
      let streamed = false;
      try {
        const sent = req.rawBody?.make() ?? body;
        // A stream body needs `duplex` (Node's fetch requires it; no browser sends one over HTTP/1.1).
        const init = { method: req.method, headers, body: sent, signal: controller.signal, ...(sent instanceof ReadableStream && { duplex: "half" }) };
        const response = await this.#fetch(url, init);
        this.log(`${what} → ${response.status} (${Date.now() - started} ms)`);
        if (response.ok) {
          const value = await read(response, what);
          streamed = streaming;
          return value;
        }
        failure = await this.#statusFailure(req.method, what, response);
      } catch (error) {
        if (error instanceof OxenError) throw error;
        if (req.signal?.aborted) throw abortError(what, req.signal.reason);
        failure = controller.signal.reason === TIMED_OUT ? this.#timeoutFailure(req.method, what, timeoutMs) : this.#connectionFailure(req.method, what, error);
        this.log(failure.error.message);
      } finally {
        clearTimeout(timer);
        if (!streamed) unlink();
      }

      if (!failure.retryable || retry >= this.#maxRetries) throw failure.error;
      let delay = failure.retryAfterMs;
      if (delay !== undefined && delay > this.#maxRetryAfterMs) {
        this.log(`${what}: the server asks to wait ${delay} ms, more than maxRetryAfterMs (${this.#maxRetryAfterMs}); giving up`);
        throw failure.error;
      }
      delay ??= backoffDelay(retry, this.#backoff);
      this.log(`retrying ${what} in ${delay} ms (retry ${retry + 1} of ${this.#maxRetries})`);
      try {
        await sleep(delay, req.signal);
      } catch (reason) {
        throw abortError(what, reason);
      }
    }
  }

  async #statusFailure(method: string, what: string, response: Response): Promise<Failure> {
    let body: unknown;
    try {
      const text = this.redact(await response.text());
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
    } catch {
      // The error body was cut off; the status says enough.
    }
    const { message, code } = describeErrorBody(body);
    const requestId = requestIdOf(response);
    const error = new (apiErrorClass(response.status))(response.status, code, `${response.status} ${message ?? response.statusText} (${what}${requestId ? `, request ${requestId}` : ""})`, body, requestId);
    // 429 means refused before any work, so even a paid POST may try again.
    const retryable = isReplayable(method) ? isRetryableStatus(response.status) : response.status === 429;
    return { error, retryable, retryAfterMs: retryAfterMs(response.headers) };
  }

  #timeoutFailure(method: string, what: string, timeoutMs: number): Failure {
    const paidNote = isReplayable(method) ? "" : "; not retried, as it may have reached the server and started paid work";
    return { error: new TimeoutError(`${what} timed out after ${timeoutMs} ms${paidNote}`), retryable: isReplayable(method) };
  }

  #connectionFailure(method: string, what: string, cause: unknown): Failure {
    const notSent = failedBeforeSending(cause);
    const retryable = isReplayable(method) || notSent;
    const paidNote = retryable ? "" : "; not retried, as it may have reached the server and started paid work (check queue.list)";
    return { error: new ConnectionError(this.redact(`${what} failed: ${describeCause(cause)}${paidNote}`), { cause }), retryable };
  }
}

function requestIdOf(response: Response): string | undefined {
  return response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
}

function abortError(what: string, reason: unknown): AbortError {
  return new AbortError(`${what} aborted`, { cause: reason });
}

/** "fetch failed (ECONNREFUSED)": the message and the innermost code. */
function describeCause(error: unknown): string {
  let code: string | undefined;
  for (let e: unknown = error; e !== null && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === "string") code = c;
    if ((e as { cause?: unknown }).cause === e) break;
  }
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${message} (${code})`;
}
