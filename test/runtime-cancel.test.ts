// Cancellation that saves money: an aborted `run` cancels its generation on the server; `wait`
// does so only when asked; a wrong model id gets a did-you-mean.
import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { AbortError, ValidationError } from "../runtime/index.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";

const ID = "ltx-2-3-quality-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

async function setup() {
  const server = await serverForTest({ timings: { queuedMs: 50, processingMs: 60_000, keepAliveMs: 1000 } });
  const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, retryBackoff: { initialMs: 5, maxMs: 20 }, pollBackoff: { initialMs: 20, maxMs: 50 } });
  return { server, oxen };
}

describe("cancellation on abort", () => {
  it("run cancels its generation on the server when its signal aborts", async () => {
    const { server, oxen } = await setup();
    let id = "";
    const controller = new AbortController();
    const error = await failure(oxen.run(ID, INPUT, { signal: controller.signal, onEnqueued: (h) => ((id = h.generationId), setTimeout(() => controller.abort(), 50)) }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe(`waiting for generation ${id} aborted; cancelled it`);
    expect(server.generation(id)?.status).toBe("cancelled");
    expect(server.paidSubmissions).toBe(1);
  });

  it("run leaves the generation running with cancelOnAbort: false", async () => {
    const { server, oxen } = await setup();
    let id = "";
    const controller = new AbortController();
    const error = await failure(oxen.run(ID, INPUT, { cancelOnAbort: false, signal: controller.signal, onEnqueued: (h) => ((id = h.generationId), setTimeout(() => controller.abort(), 50)) }));
    expect(error).toBeInstanceOf(AbortError);
    expect(["queued", "processing"]).toContain(server.generation(id)?.status);
  });

  it("an abort during the paid POST lets it finish, then cancels the new generation", async () => {
    const { server, oxen } = await setup();
    server.inject({ method: "POST", path: "/api/ai/queue", delayMs: 400 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(oxen.run(ID, INPUT, { signal: controller.signal, via: "poll" }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.paidSubmissions).toBe(1);
    const [row] = (await oxen.queue.list({ status: "cancelled" })).generations;
    expect(row?.model_name).toBe(ID);
    expect((await oxen.queue.list()).count).toBe(0);
  });

  it("an abort before the paid POST sends none", async () => {
    const { server, oxen } = await setup();
    const controller = new AbortController();
    controller.abort();
    expect(await failure(oxen.run(ID, INPUT, { signal: controller.signal }))).toBeInstanceOf(AbortError);
    expect(server.paidSubmissions).toBe(0);
  });

  it("wait cancels only with cancelOnAbort", async () => {
    const { server, oxen } = await setup();
    const [a, b] = await oxen.queue.enqueue(ID, INPUT, { numGenerations: 2 });
    for (const [handle, cancelOnAbort] of [[a!, undefined], [b!, true]] as const) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await failure(oxen.queue.wait(handle, { signal: controller.signal, cancelOnAbort }));
      expect(error).toBeInstanceOf(AbortError);
    }
    expect(["queued", "processing"]).toContain(server.generation(a!.generationId)?.status);
    expect(server.generation(b!.generationId)?.status).toBe("cancelled");
  });
});

describe("a wrong model id", () => {
  it("gets a did-you-mean, and nothing is sent", async () => {
    const { server, oxen } = await setup();
    const error = await failure(oxen.run("ltx-2-3-qualty-audio-to-video" as typeof ID, INPUT));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('invalid input for ltx-2-3-qualty-audio-to-video: unknown model "ltx-2-3-qualty-audio-to-video"; did you mean ltx-2-3-quality-audio-to-video?');
    expect(server.requests).toEqual([]);
  });
});
