import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import * as quality from "../generated/models/ltx-2-3-quality-audio-to-video.js";
import { type MockServer } from "../mock/index.js";
import { ConnectionError, GenerationFailedError, TimeoutError, ValidationError, type GenerationHandle } from "../runtime/index.js";
import { CANARY_KEY, failure, serverForTest, tempDir } from "./helpers.js";

const AUDIO = "https://example.com/voice.mp3";

let server: MockServer | undefined;

async function setup(options: ConstructorParameters<typeof OxenClient>[0] = {}) {
  server = await serverForTest({ timings: { queuedMs: 30, processingMs: 60, syncMs: 20, keepAliveMs: 1000 } });
  const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, retryBackoff: { initialMs: 5, maxMs: 20 }, pollBackoff: { initialMs: 20, maxMs: 60_000 }, ...options });
  return { server, oxen };
}

describe("run", () => {
  it.each([
    ["ltx-2-3-quality-audio-to-video", { prompt: "a choir in a cathedral", input_audio: AUDIO, num_frames: 241, video_quality: "high" }],
    ["ltx-2-3-pro-audio-to-video", { prompt: "a singer, lip-synced", input_audio: AUDIO, input_image: "https://example.com/face.png" }],
  ] as const)("runs %s end to end and the result file downloads", async (model, input) => {
    const { server, oxen } = await setup();
    const seen: string[] = [];
    let handle: GenerationHandle | undefined;
    const row = await oxen.run(model, input, { onUpdate: (r) => seen.push(r.status), onEnqueued: (h) => (handle = h) });
    expect(row).toMatchObject({ status: "succeeded", model_name: model, ...input });
    expect(handle).toMatchObject({ generationId: row.generation_id, modelId: model });
    expect(seen.at(-1)).toBe("succeeded");
    // Subscribed before enqueueing: the stream has no replay.
    const order = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(order.indexOf("GET /api/events")).toBeLessThan(order.indexOf("POST /api/ai/queue"));
    expect(server.paidSubmissions).toBe(1);

    const dir = await tempDir();
    const path = join(dir, "video.mp4");
    const progress: number[] = [];
    const result = await oxen.download(row.result_url!, path, { onProgress: (p) => progress.push(p.receivedBytes) });
    const bytes = await readFile(path);
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");
    expect(bytes.toString()).toContain(row.generation_id);
    expect(result).toEqual({ bytes: bytes.length, contentType: "video/mp4" });
    expect(progress.at(-1)).toBe(bytes.length);
    expect(await readdir(dir)).toEqual(["video.mp4"]);
  });

  it("works through a generated model module, and by polling alone", async () => {
    const { server, oxen } = await setup();
    const row = await quality.run({ prompt: "a choir", input_audio: AUDIO }, { client: oxen, via: "poll", pollBackoff: { initialMs: 10, maxMs: 20 } });
    expect(row.status).toBe("succeeded");
    expect(server.eventConnections).toBe(0);
  });

  it("throws GenerationFailedError for a generation the service fails", async () => {
    const { server, oxen } = await setup();
    const waiting = failure(oxen.run("ltx-2-3-pro-audio-to-video", { prompt: "x", input_audio: AUDIO }, { onEnqueued: (h) => server.finish(h.generationId, { status: "failed", error_message: "audio must last 2-20 s" }) }));
    const error = (await waiting) as GenerationFailedError;
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error.errorMessage).toBe("audio must last 2-20 s");
  });

  it("sends nothing, not even the subscription, for an invalid input", async () => {
    const { server, oxen } = await setup();
    expect(await failure(oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "x", input_audio: "not a url" }))).toBeInstanceOf(ValidationError);
    expect(server.requests).toEqual([]);
  });

  it("keeps its deadline counted from the call", async () => {
    const { oxen } = await setup();
    server!.inject({ method: "POST", path: "/api/ai/queue", delayMs: 150 });
    const started = Date.now();
    let id = "";
    const error = await failure(oxen.run("ltx-2-3-pro-audio-to-video", { prompt: "x", input_audio: AUDIO }, { timeoutMs: 200, cancelOnTimeout: true, onEnqueued: (h) => (id = h.generationId) }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(new RegExp(`^waited 200 ms for generation ${id} \\(last status: (unknown|queued)\\); cancelled it$`));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server!.generation(id)?.status).toBe("cancelled");
  });
});

describe("queue.list", () => {
  it("lists active rows by default, ended ones by status, and filters by target", async () => {
    const { oxen } = await setup();
    const [kept] = await oxen.queue.enqueue("ltx-2-3-pro-audio-to-video", { prompt: "x", input_audio: AUDIO }, { targetRepo: "clips", targetNamespace: "me" });
    const [other] = await oxen.queue.enqueue("ltx-2-3-pro-audio-to-video", { prompt: "y", input_audio: AUDIO });
    const active = await oxen.queue.list();
    expect(active.generations.map((r) => r.generation_id).sort()).toEqual([kept!.generationId, other!.generationId].sort());
    expect((await oxen.queue.list({ repo: "clips", namespace: "me" })).generations).toMatchObject([{ generation_id: kept!.generationId, target_repo: "clips" }]);
    await oxen.queue.wait(kept!, { pollBackoff: { initialMs: 10, maxMs: 20 } });
    expect((await oxen.queue.list({ status: "succeeded", mediaType: "video" })).generations.map((r) => r.generation_id)).toContain(kept!.generationId);
    expect((await oxen.queue.list({ repo: "clips" })).count).toBe(0);
  });
});

describe("the sync call and downloads", () => {
  it("generates synchronously and streams the file into a WritableStream", async () => {
    const { oxen } = await setup();
    const response = await oxen.videos.generate("ltx-2-3-pro-audio-to-video", { prompt: "x", input_audio: AUDIO });
    const chunks: Uint8Array[] = [];
    await oxen.download(response.videos![0]!.url!, new WritableStream({ write: (c) => void chunks.push(c) }));
    expect(Buffer.concat(chunks).subarray(4, 8).toString()).toBe("ftyp");
  });

  it("leaves no file behind when the body is cut midway", async () => {
    const { server, oxen } = await setup();
    const row = await oxen.run("ltx-2-3-pro-audio-to-video", { prompt: "x", input_audio: AUDIO });
    server.inject({ path: "/results/", drop: "mid-body" });
    const dir = await tempDir();
    const error = await failure(oxen.download(row.result_url!, join(dir, "v.mp4")));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^download of \/results\/.+\.mp4 failed after \d+ bytes/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("never sends the API key to another origin", async () => {
    const { oxen } = await setup();
    let seen: IncomingHttpHeaders | undefined;
    const storage = createServer((req, res) => ((seen = req.headers), res.end("bytes")));
    await new Promise<void>((resolve) => storage.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = storage.address() as { port: number };
      const chunks: Uint8Array[] = [];
      await oxen.download(`http://127.0.0.1:${port}/presigned/v.mp4?X-Amz-Signature=abc`, new WritableStream({ write: (c) => void chunks.push(c) }));
      expect(Buffer.concat(chunks).toString()).toBe("bytes");
      expect(seen).toBeDefined();
      expect(seen!.authorization).toBeUndefined();
    } finally {
      await new Promise((resolve) => storage.close(resolve));
    }
  });
});
