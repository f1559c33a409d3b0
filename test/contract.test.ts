import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import type { MockServer } from "../mock/index.js";
import { OxenClient as UncheckedClient, GenerationCancelledError, GenerationFailedError, type QueueRow } from "../runtime/index.js";
import { DOCUMENT_GAPS } from "./contract/gaps.js";
import { createJudge, startRecordingProxy, type Exchange, type Violation } from "./contract/judge.js";
import { CANARY_KEY, failure, startTestServer } from "./helpers.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const PRO = "ltx-2-3-pro-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

let server: MockServer;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let judge: (exchange: Exchange) => Violation[];

beforeAll(async () => {
  server = await startTestServer({ timings: { queuedMs: 150, processingMs: 100, syncMs: 10, keepAliveMs: 1000 } });
  proxy = await startRecordingProxy(server.url);
  judge = await createJudge();
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const options = () => ({ apiKey: CANARY_KEY, baseUrl: proxy.url, retryBackoff: { initialMs: 5, maxMs: 10 }, pollBackoff: { initialMs: 20, maxMs: 40 } });

/** Everything a user of the client does, through the recording proxy: each call, each outcome, each error. */
async function scenario(): Promise<void> {
  const oxen = new OxenClient(options());
  // Without the model map: sends what the typed client would refuse, to see the server's answer.
  const unchecked = new UncheckedClient(options());

  expect((await oxen.models.list()).data.length).toBeGreaterThan(0);
  await oxen.models.list({ developerName: "Lightricks", providerName: "fal", action: "generate", output: "video" });
  expect((await oxen.models.get(SEED)).id).toBe(SEED);
  await failure(oxen.models.get("no-such-model"));

  expect((await oxen.videos.generate(SEED, INPUT)).videos).toHaveLength(1);
  await failure(unchecked.videos.generate(SEED, { prompt: "no audio" }));
  await failure(unchecked.videos.generate("no-such-model", { prompt: "x" }));

  const [toFinish, toCancel] = await oxen.queue.enqueue(SEED, INPUT, { numGenerations: 2, targetNamespace: "team", targetRepo: "videos", targetDirectory: "choir" });
  const [toFail] = await unchecked.queue.enqueue(SEED, { prompt: "no audio" });
  await unchecked.queue.enqueue(PRO, { input_audio: "https://example.com/a.mp3", input_image: "https://example.com/a.png" });
  await failure(unchecked.queue.enqueue("no-such-model", INPUT));
  expect((await oxen.queue.get(toFinish!.generationId)).status).toMatch(/^(queued|processing)$/);
  expect((await oxen.queue.list()).count).toBeGreaterThanOrEqual(3);
  await oxen.queue.list({ status: "queued", namespace: "team", repo: "videos", folder: "choir", model: SEED, mediaType: "video" });
  expect(await oxen.queue.cancel(toCancel!.generationId)).toEqual({ status: "success", generation_id: toCancel!.generationId });
  await failure(oxen.queue.cancel("00000000-0000-4000-8000-000000000000"));
  await failure(oxen.queue.get("00000000-0000-4000-8000-000000000000"));

  const ended: QueueRow[] = [await oxen.queue.wait(toFinish!)];
  expect(await failure(oxen.queue.wait(toFail!))).toBeInstanceOf(GenerationFailedError);
  expect(await failure(oxen.queue.wait(toCancel!))).toBeInstanceOf(GenerationCancelledError);
  ended.push(await oxen.run(SEED, INPUT, { via: "events" }));
  expect(ended.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);

  // Failures the server may answer with: a wrong key, rate limiting, an outage.
  await failure(new OxenClient({ ...options(), apiKey: `${CANARY_KEY}-wrong`, maxRetries: 0 }).models.list());
  server.inject({ method: "GET", path: "/api/ai/queue/", status: 429, headers: { "retry-after-ms": "5" } });
  await oxen.queue.get(toFinish!.generationId);
  server.inject({ method: "GET", path: "/api/ai/models", status: 503 });
  await oxen.models.list();

  const page = await oxen.generations.list({ status: "succeeded", namespace: "team", repo: "videos", folder: "choir", model: SEED, mediaType: "video", page: 1, pageSize: 10 });
  expect(page.generations.map((g) => g.generation_id)).toEqual([toFinish!.generationId]);
  expect((await oxen.generations.list()).total_entries).toBeGreaterThanOrEqual(5);
  expect((await oxen.generations.get(toFinish!.generationId)).cost).toBe("0.10");
  await failure(oxen.generations.get("00000000-0000-4000-8000-000000000000"));
}

describe("the client and the local server, judged against Oxen's published document by openapi-backend", () => {
  it("break it nowhere but in the listed document gaps, during a whole scenario", async () => {
    await scenario();
    const operations = new Set(proxy.exchanges.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}$/, "{id}")}`));
    // The scenario covers every operation the client uses.
    for (const op of ["GET /api/ai/models", "POST /api/ai/videos/generate", "POST /api/ai/queue", "GET /api/ai/queue", "GET /api/ai/queue/{id}", "DELETE /api/ai/queue/{id}", "GET /api/ai/generations", "GET /api/ai/generations/{id}", "GET /api/events"]) {
      expect(operations, op).toContain(op);
    }
    const violations = proxy.exchanges.flatMap(judge);
    const unexplained = violations.filter((v) => !DOCUMENT_GAPS.some((gap) => gap.matches(v)));
    expect(unexplained).toEqual([]);
    // Every listed gap is met by the scenario, so none is kept after it stops being needed.
    expect(DOCUMENT_GAPS.filter((gap) => !violations.some((v) => gap.matches(v))).map((g) => g.id)).toEqual([]);
  });

  it("is a judge that finds violations: answers off the document are reported", async () => {
    const raw = await startRecordingProxy(server.url);
    try {
      const oxen = new UncheckedClient({ ...options(), baseUrl: raw.url, maxRetries: 0 });
      const row = { generation_id: "00000000-0000-4000-8000-000000000000", model_name: SEED, media_type: "video", status: "queued", enqueued_at: 1 };
      for (const body of [{ count: "two", generations: [] }, { count: 1, generations: [{ ...row, generation_id: "not-a-uuid" }] }, { count: 1, generations: [{ ...row, status: "done" }] }]) {
        server.inject({ method: "GET", path: "/api/ai/queue", status: 200, body });
        await oxen.queue.list();
      }
      server.inject({ method: "DELETE", path: "/api/ai/queue/", status: 409 });
      await failure(oxen.queue.cancel("00000000-0000-4000-8000-000000000000"));
      // The queue takes any parameters (it fails the generation later), so only the judge objects here.
      await oxen.queue.enqueue(SEED, { ...INPUT, seed: "seven" } as never, { numGenerations: 2 });
      const messages = raw.exchanges.flatMap(judge).map((v) => `${v.operation} ${v.part}: ${v.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          "GET /api/ai/queue response: /count must be integer",
          'GET /api/ai/queue response: /generations/0/generation_id must match format "uuid"',
          "GET /api/ai/queue response: /generations/0/status must be equal to one of the allowed values",
          "DELETE /api/ai/queue/{generation_id} status: status 409 is not declared (declared: 200, 404)",
          "POST /api/ai/queue request: /requestBody/seed must be integer",
        ]),
      );
    } finally {
      await raw.close();
    }
  });

  it("has every gap listed, with its source, in docs/contract.md", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "docs", "contract.md"), "utf8");
    for (const gap of DOCUMENT_GAPS) expect(doc, gap.id).toMatch(new RegExp(`\\| \`${gap.id}\` \\|[^\\n]+\\|[^\\n]+\\|`));
  });
});
