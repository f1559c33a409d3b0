import { APIError, OxenError } from "./errors.js";

export interface ClientOptions {
  /** Defaults to the OXEN_API_KEY environment variable, read at the first request. */
  apiKey?: string;
  /** Defaults to OXEN_BASE_URL, then https://hub.oxen.ai. */
  baseUrl?: string;
  /** Defaults to the platform's fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface Request {
  method: "GET" | "POST" | "DELETE";
  /** Path below the base URL, with ids already encoded (see `pathOf`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export const DEFAULT_BASE_URL = "https://hub.oxen.ai";

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

/** Sends JSON requests to the API with the bearer key; a non-2xx answer becomes an APIError. */
export class Transport {
  readonly baseUrl: string;
  readonly #apiKey: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? env("OXEN_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.#apiKey = options.apiKey ?? env("OXEN_API_KEY");
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  url(path: string, query?: Request["query"]): string {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  async request<T>(req: Request): Promise<T> {
    if (this.#apiKey === undefined) throw new OxenError("no API key: pass { apiKey } to the client or set OXEN_API_KEY");
    const headers: Record<string, string> = { authorization: `Bearer ${this.#apiKey}`, accept: "application/json" };
    if (req.body !== undefined) headers["content-type"] = "application/json";
    const response = await this.#fetch(this.url(req.path, req.query), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (!response.ok) {
      const { message, code } = describeErrorBody(body);
      const requestId = response.headers.get("x-request-id") ?? undefined;
      throw new APIError(response.status, code, `${response.status} ${message ?? response.statusText} (${req.method} ${req.path})`, body, requestId);
    }
    return body as T;
  }
}
