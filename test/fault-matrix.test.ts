// The fault matrix of docs/reliability.md, one test per row: every fault the local server can
// inject, against fetch and every runtime call, with the outcome a user observes. The table in the
// document is this test's output (UPDATE_RELIABILITY=1 rewrites it), so the two cannot drift.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { type Fault, type MockServer } from "../mock/index.js";
import { CANARY_KEY, startTestServer } from "./helpers.js";
import { cli, folderBytes, snapshotCopy } from "./fetch-support.js";

const DOC = join(import.meta.dirname, "..", "docs", "reliability.md");
const START = "<!-- fault-matrix:start -->";
const END = "<!-- fault-matrix:end -->";
const KEY = CANARY_KEY;
const SEED = "ltx-2-3-quality-audio-to-video";
const BODY = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };
const TIMEOUT_MS = 250;
const UPLOADS = { namespace: "me", repo: "assets" };

const FAULTS: [name: string, fault: Fault][] = [
  ["429, no Retry-After", { status: 429 }],
  ["429 with `retry-after-ms: 50`", { status: 429, headers: { "retry-after-ms": "50" } }],
  ["500 once", { status: 500 }],
  ["503 three times (more than `maxRetries`)", { status: 503, times: 3 }],
  ["slow answer, past the timeout, once", { delayMs: 4 * TIMEOUT_MS }],
  ["connection reset before any work", { drop: "reset" }],
  ["connection cut mid-body", { drop: "mid-body" }],
  ["401 (key refused)", { status: 401 }],
];

interface Context {
  server: MockServer;
  client: OxenClient;
  /** A generation that is still queued, and a finished one with its result file. */
  activeId: string;
  resultUrl: string;
}

interface Call {
  method: string;
  path: (c: Context) => string | RegExp;
  /** Paid work: the row says how many submissions reached the server. */
  paid?: boolean;
  /** Several requests by design (polling): the row gives the outcome only. */
  repeated?: boolean;
  run: (c: Context) => Promise<unknown>;
}

const CALLS: Record<string, Call> = {
  "models.get": { method: "GET", path: () => `/api/ai/models/${SEED}`, run: (c) => c.client.models.get(SEED) },
  "models.list": { method: "GET", path: () => /^\/api\/ai\/models$/, run: (c) => c.client.models.list() },
  "videos.generate": { method: "POST", path: () => "/api/ai/videos/generate", paid: true, run: (c) => c.client.videos.generate(SEED, BODY, { timeoutMs: TIMEOUT_MS }) },
  "queue.enqueue": { method: "POST", path: () => "/api/ai/queue", paid: true, run: (c) => c.client.queue.enqueue(SEED, BODY) },
  "queue.get": { method: "GET", path: (c) => `/api/ai/queue/${c.activeId}`, run: (c) => c.client.queue.get(c.activeId) },
  "queue.list": { method: "GET", path: () => /^\/api\/ai\/queue$/, run: (c) => c.client.queue.list() },
  "queue.cancel": { method: "DELETE", path: (c) => `/api/ai/queue/${c.activeId}`, run: (c) => c.client.queue.cancel(c.activeId) },
  "queue.wait (poll)": {
    method: "GET",
    path: (c) => `/api/ai/queue/${c.activeId}`,
    repeated: true,
    run: (c) => c.client.queue.wait(c.activeId, { via: "poll", timeoutMs: 10_000, pollBackoff: { initialMs: 20, maxMs: 40 } }),
  },
  "queue.wait (events)": {
    method: "GET",
    path: () => "/api/events",
    repeated: true,
    run: (c) => c.client.queue.wait(c.activeId, { via: "events", timeoutMs: 10_000, pollBackoff: { initialMs: 20, maxMs: 200 } }),
  },
  download: {
    method: "GET",
    path: () => "/results/",
    run: (c) => c.client.download(c.resultUrl, new WritableStream()),
  },
  // Fresh bytes each time: the same bytes are uploaded once, and the next call would send no PUT.
  "files.upload": { method: "PUT", path: () => "/api/repos/", run: (c) => c.client.files.upload(new Blob([crypto.randomUUID()]), UPLOADS) },
  "run with a local file (fault on its upload)": {
    method: "PUT",
    path: () => "/api/repos/",
    paid: true,
    run: (c) => c.client.run(SEED, { ...BODY, input_audio: new Blob([crypto.randomUUID()]) }, { via: "poll", timeoutMs: 10_000, pollBackoff: { initialMs: 20, maxMs: 40 } }),
  },
};

/** One cell: what the caller sees, how many requests the call made, and how much paid work it started. */
async function observe(server: MockServer, call: Call, path: string | RegExp, run: () => Promise<unknown>): Promise<string> {
  const seen = server.requests.length;
  const paidBefore = server.paidSubmissions;
  const outcome = await run().then(
    () => "ok",
    (error: Error) => error.constructor.name,
  );
  const matching = server.requests.slice(seen).filter((r) => r.method === call.method && (typeof path === "string" ? r.path.startsWith(path) : path.test(r.path)));
  const parts = [outcome];
  if (!call.repeated) parts.push(`${matching.length} ${matching.length === 1 ? "attempt" : "attempts"}`);
  if (call.paid) parts.push(`${server.paidSubmissions - paidBefore} paid`);
  return parts.join(", ");
}

let server: MockServer;
const rows = new Map<string, string>();
const row = (fault: string, call: string, outcome: string) => `| ${fault} | ${call} | ${outcome} |`;

beforeAll(async () => {
  server = await startTestServer({ apiKeys: [KEY], timings: { queuedMs: 60, processingMs: 60, syncMs: 20, keepAliveMs: 1000 } });
});

afterAll(async () => {
  await server?.close();
  if (process.env.UPDATE_RELIABILITY) {
    const doc = await readFile(DOC, "utf8");
    const table = ["| Fault | Call | Observed outcome |", "|---|---|---|", ...rows.values()].join("\n");
    await writeFile(DOC, doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\n${table}\n${END}`));
  }
});

async function context(): Promise<Context> {
  const client = new OxenClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: TIMEOUT_MS, maxRetries: 2, retryBackoff: { initialMs: 10, maxMs: 40 }, uploads: UPLOADS });
  const [active] = await client.queue.enqueue(SEED, BODY);
  const [done] = await client.queue.enqueue(SEED, BODY);
  const finished = await client.queue.wait(done!.generationId, { timeoutMs: 5000, pollBackoff: { initialMs: 20, maxMs: 40 } });
  return { server, client, activeId: active!.generationId, resultUrl: String(finished.result_url) };
}

describe.each(FAULTS)("%s", (faultName, fault) => {
  it.each(Object.keys(CALLS))("%s", async (callName) => {
    const call = CALLS[callName]!;
    const c = await context();
    const path = call.path(c);
    server.inject({ ...fault, method: call.method, path });
    const outcome = await observe(server, call, path, () => call.run(c));
    server.clearFaults();
    rows.set(`${faultName}|${callName}`, row(faultName, callName, outcome));
    if (!process.env.UPDATE_RELIABILITY) expect(await readFile(DOC, "utf8")).toContain(row(faultName, callName, outcome));
  });

  it("fetch (CLI): all or nothing", async () => {
    const schemas = await snapshotCopy();
    const before = await folderBytes(schemas);
    server.inject({ ...fault, method: "GET", path: `/api/ai/models/${SEED}` });
    const run = await cli(["fetch", "--base-url", server.url, "--schemas", schemas, "--models", SEED, "--timeout-ms", String(TIMEOUT_MS)], { OXEN_API_KEY: KEY });
    server.clearFaults();
    const unchanged = JSON.stringify(await folderBytes(schemas)) === JSON.stringify(before);
    expect(run.out + run.err).not.toContain(KEY);
    const outcome = `exit ${run.code}, snapshot ${unchanged ? "byte-identical" : "rewritten"}`;
    rows.set(`${faultName}|fetch`, row(faultName, "`oxen-contracts fetch`", outcome));
    if (!process.env.UPDATE_RELIABILITY) expect(await readFile(DOC, "utf8")).toContain(row(faultName, "`oxen-contracts fetch`", outcome));
  });
});

describe("the event stream dropped", () => {
  it("queue.wait (events): reconnects and still ends with the generation", async () => {
    const c = await context();
    const waiting = c.client.queue.wait(c.activeId, { via: "events", timeoutMs: 10_000, pollBackoff: { initialMs: 20, maxMs: 200 } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    server.dropEventStreams();
    const outcome = await waiting.then((r) => `ok (${r.status})`, (e: Error) => e.constructor.name);
    rows.set("dropped|wait", row("event stream dropped mid-wait", "queue.wait (events)", outcome));
    if (!process.env.UPDATE_RELIABILITY) expect(await readFile(DOC, "utf8")).toContain(row("event stream dropped mid-wait", "queue.wait (events)", outcome));
  });
});

it("the document lists no row this suite does not produce", async () => {
  const doc = await readFile(DOC, "utf8");
  const table = doc.slice(doc.indexOf(START), doc.indexOf(END));
  const documented = table.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Fault"));
  expect(documented.length).toBe(FAULTS.length * (Object.keys(CALLS).length + 1) + 1);
});
