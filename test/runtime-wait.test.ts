import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { type MockServer, type MockTimings } from "../mock/index.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";
import { AbortError, GenerationCancelledError, GenerationFailedError, NotFoundError, TimeoutError, type CompletionEvent, type GenerationHandle, type QueueRow } from "../runtime/index.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };
/** Events-mode tests poll this rarely, so finishing quickly proves the event (not a poll) did it. */
const RARELY = { initialMs: 20, maxMs: 60_000 };

let server: MockServer | undefined;

async function setup(timings: Partial<MockTimings> = {}, options: ConstructorParameters<typeof OxenClient>[0] = {}) {
  server = await serverForTest({ timings: { queuedMs: 40, processingMs: 80, keepAliveMs: 1000, ...timings } });
  const lines: string[] = [];
  const client = (more: ConstructorParameters<typeof OxenClient>[0] = {}) =>
    new OxenClient({
      apiKey: CANARY_KEY,
      baseUrl: server!.url,
      maxRetries: 2,
      retryBackoff: { initialMs: 5, maxMs: 20 },
      pollBackoff: { initialMs: 15, maxMs: 40 },
      reconnectBackoff: { initialMs: 20, maxMs: 50 },
      logger: (l) => lines.push(l),
      ...options,
      ...more,
    });
  return { server, oxen: client(), client, lines };
}

const polls = (id: string) => server!.requests.filter((r) => r.method === "GET" && r.path === `/api/ai/queue/${id}`).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(probe: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(5);
  }
}

/** Queues a body as it is, as another program (or an outdated contract) might, bypassing validation. */
async function enqueueRaw(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server!.url}/api/ai/queue`, { method: "POST", headers: { authorization: `Bearer ${CANARY_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return ((await response.json()) as { generations: { generation_id: string }[] }).generations[0]!.generation_id;
}

describe("wait by polling", () => {
  it("reports each status change once and returns the succeeded row", async () => {
    const { oxen } = await setup();
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const seen: string[] = [];
    const row = await oxen.queue.wait(handle!, { onUpdate: (r) => seen.push(r.status) });
    expect(seen).toEqual(["queued", "processing", "succeeded"]);
    expect(row).toMatchObject({ generation_id: handle!.generationId, status: "succeeded", model_name: SEED, prompt: INPUT.prompt, result_url: expect.stringContaining("/results/") });
    expect(polls(handle!.generationId)).toBeGreaterThan(3);
  });

  it("backs off between polls, up to the cap", async () => {
    const { oxen } = await setup({ queuedMs: 700 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    await oxen.queue.wait(handle!, { pollBackoff: { initialMs: 50, maxMs: 200 } });
    // 50, 100, 200, 200, ... (less up to 25% jitter): about 6 polls in 0.8 s, where a fixed 50 ms would make 16.
    expect(polls(handle!.generationId)).toBeGreaterThanOrEqual(4);
    expect(polls(handle!.generationId)).toBeLessThanOrEqual(9);
  });

  it("throws GenerationFailedError with the row and its error_message", async () => {
    const { oxen } = await setup();
    const id = await enqueueRaw({ model: SEED, prompt: "no audio", num_frames: 5000 });
    const error = (await failure(oxen.queue.wait(id))) as GenerationFailedError;
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error.generationId).toBe(id);
    expect(error.errorMessage).toBe("input_audio is required; num_frames must be at most 481 (got 5000)");
    expect(error.row).toMatchObject({ status: "failed", num_frames: 5000 });
    expect(error.message).toBe(`generation ${id} failed: input_audio is required; num_frames must be at most 481 (got 5000)`);
  });

  it("throws GenerationCancelledError when another client cancels", async () => {
    const { oxen, client } = await setup({ queuedMs: 10_000 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const waiting = failure(oxen.queue.wait(handle!));
    await sleep(50);
    await client().queue.cancel(handle!.generationId);
    const error = await waiting;
    expect(error).toBeInstanceOf(GenerationCancelledError);
    expect((error as GenerationCancelledError).row.status).toBe("cancelled");
  });

  it("enforces one deadline over the whole wait, and cancels on the server when asked", async () => {
    const { oxen } = await setup({ queuedMs: 10_000 });
    const [a, b] = await oxen.queue.enqueue(SEED, INPUT, { numGenerations: 2 });
    let started = Date.now();
    const plain = await failure(oxen.queue.wait(a!, { timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(plain).toBeInstanceOf(TimeoutError);
    expect(plain.message).toBe(`waited 200 ms for generation ${a!.generationId} (last status: queued)`);
    expect(server!.generation(a!.generationId)?.status).toBe("queued");
    started = Date.now();
    const cancelled = await failure(oxen.queue.wait(b!, { timeoutMs: 200, cancelOnTimeout: true }));
    expect(cancelled.message).toBe(`waited 200 ms for generation ${b!.generationId} (last status: queued); cancelled it`);
    expect(server!.generation(b!.generationId)?.status).toBe("cancelled");
  });

  it("keeps to the deadline when a poll itself hangs", async () => {
    const { oxen } = await setup({ queuedMs: 10_000 }, { timeoutMs: 60_000 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    server!.inject({ method: "GET", path: "/api/ai/queue/", delayMs: 5000 });
    const started = Date.now();
    expect(await failure(oxen.queue.wait(handle!, { timeoutMs: 200 }))).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("throws AbortError at once when the caller aborts", async () => {
    const { oxen } = await setup({ queuedMs: 10_000 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const controller = new AbortController();
    const waiting = failure(oxen.queue.wait(handle!, { signal: controller.signal }));
    await sleep(60);
    const started = Date.now();
    controller.abort();
    expect(await waiting).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("rides out a burst of 503s on its polls", async () => {
    const { oxen } = await setup();
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    server!.inject({ method: "GET", path: "/api/ai/queue/", status: 503, times: 2 });
    expect((await oxen.queue.wait(handle!)).status).toBe("succeeded");
  });
});

describe("handles", () => {
  it("are plain JSON that a second client instance can wait on", async () => {
    const { oxen, client } = await setup({ queuedMs: 100 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const stored = JSON.stringify(handle);
    const restored = JSON.parse(stored) as GenerationHandle;
    expect(restored).toEqual({ generationId: handle!.generationId, modelId: SEED, enqueuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), schemaSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const row = await client().queue.wait(restored, { via: "events" });
    expect(row.status).toBe("succeeded");
    // A bare id works too, and an ended generation is answered at once.
    expect((await client().queue.wait(restored.generationId)).generation_id).toBe(restored.generationId);
  });
});

describe("wait by events", () => {
  it("ends on the completion event rather than on a poll", async () => {
    const { oxen } = await setup({ queuedMs: 50, processingMs: 150 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const started = Date.now();
    const row = await oxen.queue.wait(handle!, { via: "events", pollBackoff: RARELY });
    expect(row.status).toBe("succeeded");
    expect(Date.now() - started).toBeLessThan(2000);
    // One poll when the stream opened, one after the event.
    expect(polls(handle!.generationId)).toBe(2);
    // The stream it opened is closed again.
    await until(() => server!.openEventStreams === 0);
  });

  it("reconnects when the stream is dropped mid-wait and still sees the completion", async () => {
    const { oxen, lines } = await setup({ queuedMs: 50, processingMs: 400 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const waiting = oxen.queue.wait(handle!, { via: "events", pollBackoff: RARELY });
    await until(() => server!.openEventStreams === 1);
    server!.dropEventStreams();
    await until(() => server!.eventConnections === 2 && server!.openEventStreams === 1);
    expect((await waiting).status).toBe("succeeded");
    expect(lines.some((l) => l.startsWith("oxen: GET /api/events:") && l.endsWith("reconnecting"))).toBe(true);
  });

  it("catches up by polling after a reconnect, for a completion sent while disconnected", async () => {
    const { oxen } = await setup({ queuedMs: 10_000 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const waiting = oxen.queue.wait(handle!, { via: "events", pollBackoff: RARELY });
    await until(() => server!.openEventStreams === 1);
    // The stream goes down and stays down (two refusals) while the generation completes.
    server!.inject({ path: "/api/events", status: 503, times: 2 });
    server!.dropEventStreams();
    await until(() => server!.openEventStreams === 0);
    server!.finish(handle!.generationId, { status: "succeeded" });
    const started = Date.now();
    expect((await waiting).status).toBe("succeeded");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server!.eventConnections).toBe(2);
  });

  it("finds a cancellation, which sends no event, by its safety-net poll", async () => {
    const { oxen } = await setup({ queuedMs: 10_000 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const waiting = failure(oxen.queue.wait(handle!, { via: "events", pollBackoff: { initialMs: 20, maxMs: 150 } }));
    await until(() => server!.openEventStreams === 1);
    await oxen.queue.cancel(handle!.generationId);
    expect(await waiting).toBeInstanceOf(GenerationCancelledError);
  });

  it("reconnects a stream that goes silent (no keep-alive within the idle timeout)", async () => {
    const { oxen, lines } = await setup({ queuedMs: 500, keepAliveMs: 60_000 }, { idleTimeoutMs: 150 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    expect((await oxen.queue.wait(handle!, { via: "events", pollBackoff: RARELY })).status).toBe("succeeded");
    expect(server!.eventConnections).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.includes("no data for 150 ms; reconnecting"))).toBe(true);
  });

  it("keeps a stream with regular keep-alives open past the idle timeout", async () => {
    const { oxen } = await setup({ queuedMs: 500, keepAliveMs: 40 }, { idleTimeoutMs: 150 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    expect((await oxen.queue.wait(handle!, { via: "events", pollBackoff: RARELY })).status).toBe("succeeded");
    expect(server!.eventConnections).toBe(1);
  });

  it("fails with the stream's error under via: events, falls back to polling under via: auto", async () => {
    const { oxen, lines } = await setup({}, { maxRetries: 0 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    server!.inject({ path: "/api/events", status: 404 });
    expect(await failure(oxen.queue.wait(handle!, { via: "events" }))).toBeInstanceOf(NotFoundError);
    server!.inject({ path: "/api/events", status: 404 });
    expect((await oxen.queue.wait(handle!, { via: "auto" })).status).toBe("succeeded");
    expect(lines.some((l) => l.includes("events unavailable") && l.includes("by polling"))).toBe(true);
  });
});

describe("events.subscribe", () => {
  it("yields completion events in the row's field names and skips everything else", async () => {
    const { oxen } = await setup();
    const subscription = oxen.events.subscribe();
    await subscription.ready;
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    const failed = await enqueueRaw({ model: SEED, prompt: "no audio" });
    server!.sendEvent("media_generation_completed", "{not json");
    server!.sendEvent("credits_updated", '{"generation_id":"x","status":"succeeded"}');
    const events: CompletionEvent[] = [];
    for await (const event of subscription) if (events.push(event) === 2) break;
    expect(events).toContainEqual({ generation_id: handle!.generationId, status: "succeeded", media_type: "video", model_name: SEED, result_url: server!.generation(handle!.generationId)!.result_url! });
    expect(events).toContainEqual({ generation_id: failed, status: "failed", media_type: "video", model_name: SEED, error_message: "input_audio is required" });
    await until(() => server!.openEventStreams === 0);
  });

  it("stops when its signal aborts, and rejects ready when the key is refused", async () => {
    const { oxen, client } = await setup();
    const controller = new AbortController();
    const subscription = oxen.events.subscribe({ signal: controller.signal });
    await subscription.ready;
    const collected: QueueRow[] = [];
    const reading = (async () => {
      for await (const event of subscription) collected.push(event as never);
    })();
    controller.abort();
    await reading;
    expect(collected).toEqual([]);
    await until(() => server!.openEventStreams === 0);
    const refused = client({ apiKey: "wrong" }).events.subscribe();
    await expect(refused.ready).rejects.toMatchObject({ status: 401 });
  });
});
