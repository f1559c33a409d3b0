import { mkdir, readFile, writeFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type MockServer, type MockServerOptions } from "../mock/index.js";
import { CANARY_KEY, SCHEMAS, serverForTest, tempDir } from "./helpers.js";

const AUTH = { authorization: `Bearer ${CANARY_KEY}` };
const SEED = "ltx-2-3-quality-audio-to-video";
const GOOD = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

let server: MockServer | undefined;

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  server = await serverForTest({ timings: { queuedMs: 30, processingMs: 60, syncMs: 10, keepAliveMs: 50 }, ...options });
  return server;
}

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(server!.url + path, { ...init, headers: { ...AUTH, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}

const post = (path: string, body: unknown) => call(path, { method: "POST", body: JSON.stringify(body) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}

/** Reads an event stream's raw text until `done` says it has enough (or 3 s pass). */
async function readStream(done: (text: string) => boolean, signal = AbortSignal.timeout(3000)): Promise<string> {
  const response = await fetch(`${server!.url}/api/events`, { headers: AUTH, signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (!done(text)) {
      const { done: end, value } = await reader.read();
      if (end) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}

describe("model endpoints", () => {
  it("lists every model of the snapshot, with the schema left out as upstream may", async () => {
    await start();
    const { status, body } = await call("/api/ai/models");
    expect(status).toBe(200);
    expect(body.object).toBe("list");
    const files = JSON.parse(await readFile(join(SCHEMAS, "lock.json"), "utf8")).models;
    expect(body.data.map((m: { id: string }) => m.id).sort()).toEqual(Object.keys(files).sort());
    expect(body.data.every((m: Record<string, unknown>) => m.request_schema === null && !("json_request_schema" in m))).toBe(true);
  });

  it("serves a model object exactly as the snapshot holds it, by URL-encoded id", async () => {
    await start();
    const stored = JSON.parse(await readFile(join(SCHEMAS, "models", "happyhorse-1.0-t2v.json"), "utf8"));
    const { status, body } = await call(`/api/ai/models/${encodeURIComponent("happyhorse-1.0-t2v")}`);
    expect(status).toBe(200);
    expect(body).toEqual(stored);
  });

  it("answers 404 with the message error shape for an unknown model", async () => {
    await start();
    expect(await call("/api/ai/models/no-such-model")).toMatchObject({ status: 404, body: { error: { message: "Model not found: no-such-model" } } });
  });

  it("serves another snapshot folder, with list schemas on request", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "models"));
    const changed = { id: "x.Model-1", object: "model", request_schema: { type: "object", properties: { a: { type: "string" } } } };
    await writeFile(join(dir, "models", "x.Model-1.json"), JSON.stringify(changed));
    await start({ schemasDir: dir, listSchemas: true });
    expect((await call("/api/ai/models")).body).toEqual({ object: "list", data: [changed] });
    expect((await call("/api/ai/models/x.Model-1")).body).toEqual(changed);
  });

  it("refuses a missing or wrong key with the typed error shape", async () => {
    await start({ apiKeys: ["right"] });
    const expected = { status: 401, body: { error: { type: "unauthenticated" }, status: "error", status_message: "unauthenticated" } };
    expect(await call("/api/ai/models", { headers: { authorization: "Bearer wrong" } })).toMatchObject(expected);
    expect(await call("/api/ai/models", { headers: { authorization: "" } })).toMatchObject(expected);
    expect((await call("/api/ai/models", { headers: { authorization: "Bearer right" } })).status).toBe(200);
  });

  it("answers CORS preflights and exposes the headers a browser client reads", async () => {
    await start();
    const preflight = await fetch(`${server!.url}/api/ai/queue`, { method: "OPTIONS", headers: { origin: "http://example.com", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const { headers } = await call("/api/ai/models");
    expect(headers.get("access-control-expose-headers")).toContain("retry-after");
    expect(headers.get("x-request-id")).toMatch(/^req_\d+$/);
  });
});

describe("generation endpoints", () => {
  it("rejects bad parameters on the sync call at once, without starting work", async () => {
    await start();
    const { status, body } = await post("/api/ai/videos/generate", { model: SEED, prompt: "a choir", num_frames: 9999 });
    expect(status).toBe(400);
    expect(body).toMatchObject({ status_message: "invalid_params", error: { type: "invalid_params" } });
    expect(body.error.detail).toContain("input_audio is required");
    expect(body.error.detail).toContain("num_frames must be at most 481");
    expect(server!.paidSubmissions).toBe(0);
  });

  it("runs the sync call and serves its result file without a key", async () => {
    await start();
    const { status, body } = await post("/api/ai/videos/generate", { model: SEED, ...GOOD, some_unknown_key: 1 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ model: SEED, videos: [{ url: expect.stringMatching(/\/results\/.+\.mp4$/) }] });
    const file = await fetch(body.videos[0].url);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await file.arrayBuffer()).subarray(4, 8).toString()).toBe("ftyp");
    expect(server!.paidSubmissions).toBe(1);
  });

  it("queues without checking model parameters, then fails the generation with the reason", async () => {
    await start();
    const { status, body } = await post("/api/ai/queue", { model: SEED, prompt: "a choir" });
    expect(status).toBe(200);
    const id = body.generations[0].generation_id;
    expect(body.generations).toEqual([{ generation_id: id, status: "queued" }]);
    const row = await until(async () => ((await call(`/api/ai/queue/${id}`)).body.status === "failed" ? server!.generation(id) : undefined));
    expect(row).toMatchObject({ model_name: SEED, error_message: "input_audio is required", result_url: null, prompt: "a choir" });
  });

  it("moves a generation through queued, processing and succeeded, with timestamps and targets", async () => {
    await start({ timings: { queuedMs: 80, processingMs: 80 } });
    const { body } = await post("/api/ai/queue", { model: SEED, ...GOOD, num_generations: 2, target_repo: "videos" });
    expect(body.generations).toHaveLength(2);
    const id = body.generations[0].generation_id;
    const seen: string[] = [];
    const row = await until(async () => {
      const r = (await call(`/api/ai/queue/${id}`)).body;
      if (seen.at(-1) !== r.status) seen.push(r.status);
      return r.status === "succeeded" ? r : undefined;
    });
    expect(seen).toEqual(["queued", "processing", "succeeded"]);
    expect(row).toMatchObject({ generation_id: id, media_type: "video", target_repo: "videos", prompt: GOOD.prompt, error_message: null });
    expect(row.completed_at).toBeGreaterThanOrEqual(row.started_at);
    expect((await fetch(row.result_url)).status).toBe(200);
    expect(server!.paidSubmissions).toBe(1);
  });

  it("lists active rows by default and terminal ones by status, with filters", async () => {
    await start({ timings: { queuedMs: 10_000 } });
    const a = (await post("/api/ai/queue", { model: SEED, ...GOOD, target_repo: "r1" })).body.generations[0].generation_id;
    const b = (await post("/api/ai/queue", { model: SEED, ...GOOD, target_repo: "r2" })).body.generations[0].generation_id;
    await call(`/api/ai/queue/${b}`, { method: "DELETE" });
    expect((await call("/api/ai/queue")).body).toMatchObject({ count: 1, generations: [{ generation_id: a }] });
    expect((await call("/api/ai/queue?status=cancelled")).body).toMatchObject({ count: 1, generations: [{ generation_id: b }] });
    expect((await call("/api/ai/queue?repo=r2")).body.count).toBe(0);
    expect((await call("/api/ai/queue?repo=r1")).body.count).toBe(1);
  });

  it("cancels active generations only, and says 404 for unknown ids", async () => {
    await start({ timings: { queuedMs: 10_000 } });
    const id = (await post("/api/ai/queue", { model: SEED, ...GOOD })).body.generations[0].generation_id;
    expect((await call(`/api/ai/queue/${id}`, { method: "DELETE" })).body).toEqual({ status: "success", generation_id: id });
    expect(server!.generation(id)?.status).toBe("cancelled");
    const done = (await post("/api/ai/queue", { model: SEED, ...GOOD })).body.generations[0].generation_id;
    server!.finish(done, { status: "succeeded" });
    await call(`/api/ai/queue/${done}`, { method: "DELETE" });
    expect(server!.generation(done)?.status).toBe("succeeded");
    expect((await call("/api/ai/queue/00000000-0000-0000-0000-000000000000", { method: "DELETE" })).body).toMatchObject({ error: { type: "resource_not_found" } });
  });

  it("rejects an unknown model in either POST with 400 (the document gives them no 404), and a bad num_generations at enqueue", async () => {
    await start();
    for (const path of ["/api/ai/queue", "/api/ai/videos/generate"]) {
      expect(await post(path, { model: "nope", prompt: "x" })).toMatchObject({ status: 400, body: { error: { type: "invalid_params", detail: "Model not found: nope" } } });
    }
    expect((await post("/api/ai/queue", { model: SEED, ...GOOD, num_generations: 13 })).status).toBe(400);
    expect(server!.paidSubmissions).toBe(0);
  });

  it("serves the generation history, paginated and wrapped", async () => {
    await start();
    for (let i = 0; i < 3; i++) await post("/api/ai/queue", { model: SEED, ...GOOD });
    const page = (await call("/api/ai/generations?page=2&page_size=2")).body;
    expect(page).toMatchObject({ count: 1, page_number: 2, page_size: 2, total_entries: 3, total_pages: 2 });
    const id = page.generations[0].generation_id;
    expect((await call(`/api/ai/generations/${id}`)).body).toMatchObject({ status: "success", status_message: "resource_found", generation: { generation_id: id } });
    expect((await call("/api/ai/generations/no-such-id")).status).toBe(404);
  });

  it("applies every documented history filter, and the documented page size default (50) and limit (1000)", async () => {
    await start({ timings: { queuedMs: 60_000 } });
    const enqueue = async (extra: Record<string, unknown>) => (await post("/api/ai/queue", { model: SEED, ...GOOD, ...extra })).body.generations[0].generation_id as string;
    const a = await enqueue({ target_namespace: "ns1", target_repo: "r1", target_directory: "d1" });
    const b = await enqueue({ target_namespace: "ns2", target_repo: "r2", target_directory: "d2" });
    const c = await enqueue({ target_namespace: "ns1", target_repo: "r2" });
    server!.finish(a, { status: "succeeded" });
    server!.finish(b, { status: "failed", error_message: "no" });
    const ids = async (query: string) => ((await call(`/api/ai/generations?${query}`)).body.generations as { generation_id: string }[]).map((g) => g.generation_id);
    expect(await ids("status=succeeded")).toEqual([a]);
    expect(await ids("status=failed")).toEqual([b]);
    expect(await ids("status=queued")).toEqual([c]);
    expect(await ids("namespace=ns1")).toEqual([c, a]);
    expect(await ids("repo=r2")).toEqual([c, b]);
    expect(await ids("folder=d2")).toEqual([b]);
    expect(await ids(`model=${SEED}`)).toEqual([c, b, a]);
    expect(await ids("model=other")).toEqual([]);
    expect(await ids("media_type=video")).toHaveLength(3);
    expect(await ids("media_type=image")).toEqual([]);
    expect(await ids("namespace=ns1&status=queued")).toEqual([c]);
    expect((await call("/api/ai/generations?status=succeeded")).body).toMatchObject({ total_entries: 1, total_cost: "0.10" });
    expect((await call("/api/ai/generations?status=failed")).body).toMatchObject({ total_entries: 1, total_cost: null });

    for (let i = 0; i < 52; i++) await enqueue({});
    expect((await call("/api/ai/generations")).body).toMatchObject({ count: 50, page_size: 50, total_entries: 55, total_pages: 2 });
    expect((await call("/api/ai/generations?page_size=1000")).body).toMatchObject({ count: 55, page_size: 1000, total_pages: 1 });
    for (const query of ["page_size=1001", "page_size=0", "page=0", "page=x", "status=done", "media_type=audio"]) {
      expect((await call(`/api/ai/generations?${query}`)).status, query).toBe(400);
    }
  });

  it("answers 413 to a body over 1 MiB and keeps the connection usable for the next request", async () => {
    await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; reused: boolean; text: string }>((resolve, reject) => {
        const req = request(`${server!.url}${path}`, { method, agent, headers: { ...AUTH, ...(body ? { "content-type": "application/json", "content-length": String(body.length) } : {}) } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, reused: req.reusedSocket, text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    try {
      const big = await send("POST", "/api/ai/queue", Buffer.alloc(3 << 20, 0x20));
      expect(big.status).toBe(413);
      expect(JSON.parse(big.text)).toEqual({ error: { message: "Request body too large" } });
      const next = await send("GET", `/api/ai/models/${SEED}`);
      expect(next).toMatchObject({ status: 200, reused: true });
      expect(JSON.parse(next.text).id).toBe(SEED);
      expect(server!.paidSubmissions).toBe(0);
    } finally {
      agent.destroy();
    }
  });
});

describe("event stream", () => {
  it("sends keep-alives and unrelated events, and one completion event per success or failure", async () => {
    await start();
    const text = readStream((t) => (t.match(/event: media_generation_completed/g) ?? []).length >= 2 && t.includes(": keep-alive"));
    await until(() => server!.openEventStreams === 1);
    const ok = (await post("/api/ai/queue", { model: SEED, ...GOOD })).body.generations[0].generation_id;
    const bad = (await post("/api/ai/queue", { model: SEED, prompt: "no audio" })).body.generations[0].generation_id;
    const received = await text;
    expect(received).toContain("event: notification");
    const completions = [...received.matchAll(/event: media_generation_completed\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!));
    expect(completions).toContainEqual({ generation_id: ok, status: "succeeded", media_type: "video", model: SEED, url: server!.generation(ok)!.result_url });
    expect(completions).toContainEqual({ generation_id: bad, status: "failed", media_type: "video", model: SEED, error: "input_audio is required" });
  });

  it("sends nothing for a cancelled generation and replays nothing to a late subscriber", async () => {
    await start({ timings: { queuedMs: 30, processingMs: 30, keepAliveMs: 1000 } });
    const early = (await post("/api/ai/queue", { model: SEED, ...GOOD })).body.generations[0].generation_id;
    await until(() => server!.generation(early)?.status === "succeeded");
    const controller = new AbortController();
    const text = readStream(() => false, controller.signal).catch(() => "");
    await until(() => server!.openEventStreams === 1);
    const cancelled = (await post("/api/ai/queue", { model: SEED, ...GOOD })).body.generations[0].generation_id;
    await call(`/api/ai/queue/${cancelled}`, { method: "DELETE" });
    await sleep(150);
    server!.sendEvent("marker", "end");
    await sleep(50);
    controller.abort();
    const received = await text;
    expect(received).not.toContain("media_generation_completed");
    expect(server!.generation(cancelled)?.status).toBe("cancelled");
  });

  it("can use CRLF line endings", async () => {
    await start({ eventLineEnding: "\r\n" });
    const text = await readStream((t) => t.includes('hello"}\r\n\r\n'));
    expect(text).toContain('event: notification\r\ndata: {"kind":"welcome",\r\ndata: "text":"hello"}\r\n\r\n');
  });
});

describe("faults", () => {
  it("plays a status with headers for the next matching requests only", async () => {
    await start();
    server!.inject({ method: "GET", path: "/api/ai/models", status: 429, headers: { "retry-after": "3" }, times: 2 });
    const first = await call("/api/ai/models");
    expect(first).toMatchObject({ status: 429, body: { error: { message: "Rate limit exceeded" } } });
    expect(first.headers.get("retry-after")).toBe("3");
    expect((await call("/api/ai/models")).status).toBe(429);
    expect((await call("/api/ai/models")).status).toBe(200);
  });

  it("cuts the connection before answering, or in the middle of the body", async () => {
    await start();
    server!.inject({ path: /^\/api\/ai\/models\/.+/, drop: "reset" });
    await expect(fetch(`${server!.url}/api/ai/models/${SEED}`, { headers: AUTH })).rejects.toThrow();
    server!.inject({ path: "/api/ai/models", drop: "mid-body" });
    const response = await fetch(`${server!.url}/api/ai/models`, { headers: AUTH });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(server!.requests.map((r) => r.status)).toEqual([undefined, 200]);
  });

  it("answers slowly, and serves a body given as text verbatim", async () => {
    await start();
    server!.inject({ path: "/api/ai/models", delayMs: 200, status: 200, body: '{"object":"list","data":[' });
    const started = Date.now();
    const response = await fetch(`${server!.url}/api/ai/models`, { headers: AUTH });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(await response.text()).toBe('{"object":"list","data":[');
  });

  it("drops open event streams on demand", async () => {
    await start();
    const reading = fetch(`${server!.url}/api/events`, { headers: AUTH }).then((r) => r.text());
    await until(() => server!.openEventStreams === 1);
    server!.dropEventStreams();
    await expect(reading).rejects.toThrow();
    expect(server!.eventConnections).toBe(1);
  });
});
