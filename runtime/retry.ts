import { parseHttpDate } from "./http-date.js";

/** Exponential backoff: `initialMs`, doubling, never above `maxMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Retries of a failed request: 0.5 s, 1 s, 2 s, ... up to 8 s, before jitter. */
export const DEFAULT_RETRY_BACKOFF: Backoff = { initialMs: 500, maxMs: 8000 };

/** The delay before retry number `retry` (0 for the first): 75–100 % of the backoff step, so clients that failed together do not retry together. */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxMs, backoff.initialMs * 2 ** retry);
  return Math.round(step * (1 - 0.25 * random()));
}

/**
 * How long the server asks us to wait, in ms: `retry-after-ms` when it is a plain non-negative
 * number, else `Retry-After` as RFC 9110 §10.2.3 defines it — delta-seconds (digits only) or an
 * HTTP-date (a past date: now). Any other value is ignored, so the normal backoff applies.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after")?.trim();
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Statuses worth another try for a request that is safe to replay. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * GET and DELETE can be replayed: doing them twice has the same effect as once. A POST here starts
 * paid work (`/api/ai/queue`, `/api/ai/videos/generate`) and is replayed only when it cannot have
 * reached the server (see `failedBeforeSending`) or was refused with 429 before any work.
 */
export function isReplayable(method: string): boolean {
  // PUT and HEAD serve uploads: a PUT of a content-addressed file writes the same bytes each time.
  return method === "GET" || method === "DELETE" || method === "HEAD" || method === "PUT";
}

/** Error codes (Node, undici) that mean no connection was made, so nothing was sent. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * Whether a fetch failure certainly happened before the request left this machine. Only Node says
 * why a fetch failed; a browser's bare "Failed to fetch" counts as "may have been sent".
 */
export function failedBeforeSending(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (e === null || typeof e !== "object" || seen.has(e)) return false;
    seen.add(e);
    const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && NOT_SENT.has(code)) return true;
    // Happy-eyeballs connects fail with an AggregateError of one error per address: all must be refusals.
    if (Array.isArray(errors) && errors.length > 0) return errors.every(visit);
    return visit(cause);
  };
  return visit(error);
}
