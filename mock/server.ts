import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { models as generatedModels } from "../generated/all-models.js";
import { NUM_GENERATIONS, outOfRange } from "../runtime/limits.js";
import { EventHub } from "./events.js";
import { FaultList, type Fault } from "./faults.js";
import { fileRoute, RepoFiles } from "./files.js";
import { matchesFilters } from "./filters.js";
import { historyPage, historyRow } from "./history.js";
import { listItem, loadModelObjects, modelMatches, type ModelObject } from "./models.js";
import { Queue, TERMINAL, type QueueTimings, type Row } from "./queue.js";
import { defaultErrorBody, messageError, typedError } from "./responses.js";

/** The key the server accepts unless told otherwise; safe to print, it opens nothing real. */
export const DEMO_API_KEY = "oxen-mock-demo-key";

export interface MockTimings extends QueueTimings {
  /** How long the sync `POST /api/ai/videos/generate` blocks. */
  syncMs: number;
  /** Interval of the `: keep-alive` comment on idle event streams. */
  keepAliveMs: number;
}

export interface MockServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Snapshot folder whose `models/*.json` are served; default the repository's `schemas/`. */
  schemasDir?: string;
  /** Bearer keys accepted. Default `[DEMO_API_KEY]`. */
  apiKeys?: readonly string[];
  timings?: Partial<MockTimings>;
  /** Whether list items carry their request schema; default false (`request_schema: null`, as upstream may). */
  listSchemas?: boolean;
  /** Line ending of the event stream; default "\n". */
  eventLineEnding?: "\n" | "\r\n";
}

/** One request as the server received it (never its headers, so no key is kept). */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The status answered; undefined before the answer starts, or when the connection was cut before it. */
  readonly status: number | undefined;
}

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly ReceivedRequest[];
  /** Requests that started paid work (accepted queue submissions and sync generations). */
  readonly paidSubmissions: number;
  /** Event streams opened since start, and open now. */
  readonly eventConnections: number;
  readonly openEventStreams: number;
  /** Plays `fault` on the next matching request(s). */
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Cuts every open event stream. */
  dropEventStreams(): void;
  /** Sends a raw event to every open event stream. */
  sendEvent(event: string, data: string): void;
  /** A queue row as the server holds it. */
  generation(id: string): Row | undefined;
  /** Ends an active generation now with the given outcome. */
  finish(id: string, outcome: { status: "succeeded" } | { status: "failed"; error_message: string }): void;
  close(): Promise<void>;
}

const DEFAULT_TIMINGS: MockTimings = { queuedMs: 1000, processingMs: 3000, syncMs: 2000, keepAliveMs: 15_000 };
const MAX_BODY = 1 << 20;
/** Uploads through the file API may be media files. */
const MAX_UPLOAD = 256 << 20;
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, accept",
  "access-control-expose-headers": "x-request-id, retry-after, retry-after-ms, content-length",
  "access-control-max-age": "600",
};

/** A small stand-in for a rendered video: an MP4 `ftyp` box and the generation id. */
function resultBytes(id: string): Buffer {
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isomiso2")]);
  return Buffer.concat([ftyp, Buffer.from(`oxen-mock result ${id}\n`)]);
}

class HttpError {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** Starts a local Oxen-compatible server on loopback. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const keys = new Set(options.apiKeys ?? [DEMO_API_KEY]);
  const models = await loadModelObjects(options.schemasDir ?? fileURLToPath(new URL("../schemas/", import.meta.url)));
  const faults = new FaultList();
  const files = new RepoFiles();
  const events = new EventHub(timings.keepAliveMs, options.eventLineEnding ?? "\n");
  const requests: ReceivedRequest[] = [];
  let paid = 0;
  let requestCount = 0;
  let base = "";
  /** Ids whose result file exists. */
  const results = new Set<string>();
  const resultUrl = (id: string): string => (results.add(id), `${base}/results/${id}.mp4`);

  const queue = new Queue(timings, {
    check: invalidParams,
    resultUrl: (row) => resultUrl(row.generation_id),
    completed: (row) =>
      events.send(
        "media_generation_completed",
        JSON.stringify({ generation_id: row.generation_id, status: row.status, media_type: row.media_type, model: row.model_name, url: row.result_url ?? undefined, error: row.error_message ?? undefined }),
      ),
  });

  /** Checks parameters with the generated validator, as the model does upstream; unknown keys pass through. */
  function invalidParams(modelId: string, params: Record<string, unknown>): string | undefined {
    if (!Object.hasOwn(generatedModels, modelId)) return undefined;
    const result = generatedModels[modelId as keyof typeof generatedModels].validate(params, { allowUnknown: true });
    return result.ok ? undefined : result.errors.map((e) => e.message).join("; ");
  }

  /** The model a request names. Unknown: 404 on `GET /api/ai/models/{id}`, 400 in a POST body (the only error status the document gives the POSTs). */
  function model(id: unknown, inBody: boolean): ModelObject {
    if (typeof id !== "string" || id === "") throw new HttpError(400, typedError("invalid_params", "Invalid parameters", "model is required"));
    const found = models.get(id);
    if (found === undefined) throw inBody ? new HttpError(400, typedError("invalid_params", "Invalid parameters", `Model not found: ${id}`)) : new HttpError(404, messageError(`Model not found: ${id}`));
    return found;
  }

  function row(id: string): Row {
    const found = queue.rows.get(id);
    if (found === undefined) throw new HttpError(404, typedError("resource_not_found", "Not found", `Generation not found: ${id}`));
    return found;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown, requestId: string, send: (status: number, value: unknown, headers?: Record<string, string>) => void): Promise<void> {
    const method = req.method ?? "GET";
    const path = url.pathname;
    const id = (prefix: string): string | undefined => (path.startsWith(prefix) && path.length > prefix.length ? decodeURIComponent(path.slice(prefix.length)) : undefined);

    const result = /^\/results\/([^/]+)\.mp4$/.exec(path);
    if (method === "GET" && result) {
      // Presigned links need no key.
      if (!results.has(result[1]!)) throw new HttpError(404, messageError("No such file"));
      return send(200, resultBytes(result[1]!), { "content-type": "video/mp4" });
    }

    // Files of a (public) repository are read without a key, as a model's server reads them.
    const file = fileRoute(path);
    if ((method === "GET" || method === "HEAD") && file !== undefined) {
      const found = files.get(file);
      if (found === undefined) throw new HttpError(404, typedError("resource_not_found", "Not found", `File not found: ${file.path}`));
      return send(200, found.bytes, { "content-type": found.type });
    }

    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (auth === null || !keys.has(auth[1]!)) throw new HttpError(401, typedError("unauthenticated", "Unauthenticated", "Invalid or missing API key"));

    if (method === "PUT" && file !== undefined) {
      const answer = await files.put(file, req.headers["content-type"] ?? "", body as Buffer);
      return send(answer.status, answer.body);
    }
    if (method === "GET" && path === "/api/events") return events.attach(res, { ...CORS, "x-request-id": requestId });
    if (method === "GET" && path === "/api/ai/models") {
      const data = [...models.values()].filter((m) => modelMatches(m, url.searchParams));
      return send(200, { object: "list", data: data.map((m) => listItem(m, options.listSchemas ?? false)) });
    }
    const modelId = id("/api/ai/models/");
    if (method === "GET" && modelId !== undefined) return send(200, model(modelId, false));

    if (method === "POST" && path === "/api/ai/videos/generate") {
      const { model: name, ...params } = objectBody(body);
      model(name, true);
      const problem = invalidParams(name as string, params);
      if (problem !== undefined) throw new HttpError(400, typedError("invalid_params", "Invalid parameters", problem));
      paid++;
      await sleep(timings.syncMs);
      const fileId = randomUUID();
      const video = params.response_format === "b64_json" ? { b64_json: resultBytes(fileId).toString("base64") } : { url: resultUrl(fileId) };
      return send(200, { model: name, created: Math.floor(Date.now() / 1000), videos: [video] });
    }
    if (method === "POST" && path === "/api/ai/queue") {
      const { model: name, num_generations: count = 1, target_namespace = null, target_repo = null, target_directory = null, ...params } = objectBody(body);
      model(name, true);
      const badCount = outOfRange("num_generations", count, NUM_GENERATIONS);
      if (badCount !== undefined) throw new HttpError(400, typedError("invalid_params", "Invalid parameters", badCount));
      // Model parameters are not checked here: upstream accepts them and fails the generation later.
      paid++;
      const targets = { target_namespace, target_repo, target_directory } as Record<string, string | null>;
      const rows = Array.from({ length: count as number }, () => queue.add(name as string, params, targets));
      return send(200, { generations: rows.map((r) => ({ generation_id: r.generation_id, status: r.status })) });
    }
    if (method === "GET" && path === "/api/ai/queue") {
      const status = url.searchParams.get("status");
      const rows = [...queue.rows.values()].filter((r) => (status !== null || !TERMINAL.includes(r.status)) && matchesFilters(r, url.searchParams));
      return send(200, { count: rows.length, generations: rows });
    }
    const generationId = id("/api/ai/queue/");
    if (method === "GET" && generationId !== undefined) return send(200, row(generationId));
    if (method === "DELETE" && generationId !== undefined) {
      queue.cancel(row(generationId).generation_id);
      return send(200, { status: "success", generation_id: generationId });
    }
    if (method === "GET" && path === "/api/ai/generations") {
      const page = historyPage(queue.rows.values(), url.searchParams);
      if (!page.ok) throw new HttpError(400, typedError("invalid_params", "Invalid parameters", page.problem));
      return send(200, page.body);
    }
    const historyId = id("/api/ai/generations/");
    if (method === "GET" && historyId !== undefined) return send(200, { status: "success", status_message: "resource_found", generation: historyRow(row(historyId)) });

    throw new HttpError(404, messageError(`No route for ${method} ${path}`));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on("error", () => {});
    const requestId = `req_${++requestCount}`;
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const received: ReceivedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      get status() {
        return res.headersSent ? res.statusCode : undefined;
      },
    };
    requests.push(received);
    if (method === "OPTIONS") return void res.writeHead(204, CORS).end();

    // A file upload is kept as bytes (and logged by its size); any other body is JSON.
    const upload = method === "PUT" && fileRoute(url.pathname) !== undefined;
    const raw = await readBody(req, upload ? MAX_UPLOAD : MAX_BODY);
    if (raw === undefined) {
      // The whole body has been read (and dropped), so the connection stays usable for the next request.
      return void res.writeHead(413, { ...CORS, "content-type": "application/json" }).end(JSON.stringify(messageError("Request body too large")));
    }
    const text = upload ? "" : raw.toString("utf8");
    let body: unknown = upload ? raw : undefined;
    let badJson = false;
    try {
      if (text !== "") body = JSON.parse(text);
    } catch {
      badJson = true;
    }
    received.body = upload ? { contentType: req.headers["content-type"], bytes: raw.length } : badJson ? text : body;

    const fault = faults.take(method, url.pathname);
    if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
    if (fault?.drop === "reset") return void req.socket.destroy();

    /** Answers with JSON, or with text or bytes as they are; the place where "mid-body" faults cut. */
    const send = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      const payload = Buffer.isBuffer(value) ? value : Buffer.from(typeof value === "string" ? value : JSON.stringify(value));
      res.writeHead(status, { ...CORS, "content-type": "application/json", ...headers, "content-length": String(payload.length), "x-request-id": requestId });
      if (fault?.drop === "mid-body") {
        res.write(payload.subarray(0, Math.floor(payload.length / 2)));
        // Let the half body leave before the connection is cut.
        return void setTimeout(() => res.socket?.destroy(), 10);
      }
      res.end(payload);
    };
    if (fault?.status !== undefined) return send(fault.status, fault.body ?? defaultErrorBody(fault.status), fault.headers);

    try {
      if (badJson) throw new HttpError(400, typedError("invalid_params", "Invalid parameters", "The body is not valid JSON"));
      await route(req, res, url, body, requestId, send);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      send(error.status, error.body);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { ...CORS, "content-type": "application/json" });
      res.end(JSON.stringify(typedError("unknown_error", "Internal error", String(error))));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  base = `http://${host}:${address.port}`;

  return {
    url: base,
    port: address.port,
    requests,
    get paidSubmissions() {
      return paid;
    },
    get eventConnections() {
      return events.connections;
    },
    get openEventStreams() {
      return events.open;
    },
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    dropEventStreams: () => events.dropAll(),
    sendEvent: (event, data) => events.send(event, data),
    generation: (id) => queue.rows.get(id),
    finish: (id, outcome) => queue.finish(id, outcome),
    close: async () => {
      queue.close();
      events.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, typedError("invalid_params", "Invalid parameters", "The body must be a JSON object"));
  return body as Record<string, unknown>;
}

/** The body as bytes, or undefined when it is over `limit`: then the rest is read to its end and dropped. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
