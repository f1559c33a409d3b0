// Uploads through the file API, over loopback against the local server: every kind of input, the
// second upload of the same bytes, faults, and local files given to run/enqueue/generate.
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import * as quality from "../generated/models/ltx-2-3-quality-audio-to-video.js";
import { type MockServer } from "../mock/index.js";
import { AbortError, ConnectionError, InternalServerError, ValidationError } from "../runtime/index.js";
import { CANARY_KEY, failure, serverForTest, tempDir } from "./helpers.js";

/** A few bytes that read as a WAV file. */
const WAV = Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"), Buffer.alloc(64, 7)]);
const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const TARGET = { namespace: "me", repo: "assets" };

async function setup(options: ConstructorParameters<typeof OxenClient>[0] = {}) {
  const server = await serverForTest({ timings: { queuedMs: 30, processingMs: 60, syncMs: 20, keepAliveMs: 1000 } });
  const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, retryBackoff: { initialMs: 5, maxMs: 20 }, pollBackoff: { initialMs: 20, maxMs: 100 }, uploads: TARGET, ...options });
  return { server, oxen };
}

const calls = (s: MockServer, method?: string) => s.requests.filter((r) => r.path.startsWith("/api/repos/") && (method === undefined || r.method === method)).map((r) => `${r.method} ${r.path}`);

describe("files.upload", () => {
  const inputs: [string, () => Promise<unknown>][] = [
    ["a Blob", async () => new Blob([WAV], { type: "audio/wav" })],
    ["a File", async () => new File([WAV], "choir.wav")],
    ["bytes", async () => new Uint8Array(WAV)],
    ["an ArrayBuffer", async () => WAV.buffer.slice(WAV.byteOffset, WAV.byteOffset + WAV.byteLength)],
    ["a stream", async () => new Blob([WAV]).stream()],
    ["a path", async () => {
      const path = join(await tempDir(), "choir.wav");
      await writeFile(path, WAV);
      return path;
    }],
    ["a file: URL", async () => {
      const path = join(await tempDir(), "choir.wav");
      await writeFile(path, WAV);
      return pathToFileURL(path);
    }],
  ];

  it.each(inputs)("uploads %s to a content-addressed path and serves it at the URL it returns", async (_what, make) => {
    const { server, oxen } = await setup();
    const progress: number[] = [];
    const result = await oxen.files.upload((await make()) as Blob, { ...TARGET, onProgress: (p) => progress.push(p.sentBytes) });
    const path = `uploads/${sha(WAV)}.wav`;
    expect(result).toEqual({ url: `${server.url}/api/repos/me/assets/file/main/${path}`, path, sha256: sha(WAV), bytes: WAV.length, uploaded: true });
    expect(calls(server)).toEqual([`HEAD /api/repos/me/assets/file/main/${path}`, "PUT /api/repos/me/assets/file/main/uploads"]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(WAV.length);
    const served = await fetch(result.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(WAV);
  });

  it("returns the hub.oxen.ai form of the URL for the real service", () => {
    const oxen = new OxenClient({ apiKey: CANARY_KEY });
    expect(oxen.files.url({ namespace: "me", repo: "my assets" }, "uploads/a b.wav")).toBe("https://hub.oxen.ai/api/repos/me/my%20assets/file/main/uploads/a%20b.wav");
  });

  it("sends no body for a second upload of the same bytes", async () => {
    const { server, oxen } = await setup();
    const first = await oxen.files.upload(new Blob([WAV]), TARGET);
    const second = await oxen.files.upload(new Uint8Array(WAV), TARGET);
    expect(second).toEqual({ ...first, uploaded: false });
    expect(calls(server, "PUT")).toHaveLength(1);
    expect(calls(server, "HEAD")).toHaveLength(2);
  });

  it("names bytes without a name by their content, and honours branch and directory", async () => {
    const { server, oxen } = await setup();
    const png = Buffer.concat([Buffer.from([0x89]), Buffer.from("PNG\r\n\x1a\n", "latin1"), Buffer.alloc(16)]);
    const result = await oxen.files.upload(png, { ...TARGET, branch: "dev", directory: "in/puts" });
    expect(result.url).toBe(`${server.url}/api/repos/me/assets/file/dev/in/puts/${sha(png)}.png`);
    expect((await fetch(result.url)).headers.get("content-type")).toBe("image/png");
  });

  it.each([
    ["a 503 burst", { status: 503, times: 2 }],
    ["a connection reset", { drop: "reset" as const }],
    ["an answer cut midway", { drop: "mid-body" as const }],
    ["a slow answer", { delayMs: 300 }],
  ])("recovers from %s during the upload", async (_what, fault) => {
    const { server, oxen } = await setup();
    server.inject({ method: "PUT", path: "/api/repos/", ...fault });
    // With progress, the body is a stream made afresh for each attempt.
    const progress: number[] = [];
    const result = await oxen.files.upload(new Blob([WAV]), { ...TARGET, onProgress: (p) => progress.push(p.sentBytes) });
    expect(Buffer.from(await (await fetch(result.url)).arrayBuffer())).toEqual(WAV);
    expect(progress.at(-1)).toBe(WAV.length);
  });

  it("ends in a clear error when the upload keeps failing, and a path that cannot be read names it", async () => {
    const { server, oxen } = await setup();
    server.inject({ method: "PUT", path: "/api/repos/", status: 503, times: 10 });
    const error = await failure(oxen.files.upload(new Blob([WAV]), TARGET));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toContain("PUT /api/repos/me/assets/file/main/uploads");
    const missing = await failure(oxen.files.upload(join(await tempDir(), "nope.wav"), TARGET));
    expect(missing.message).toMatch(/^cannot read .*nope\.wav: ENOENT$/);
  });
});

describe("local files in run, enqueue and generate", () => {
  it("run uploads a local file, sends its URL, and the generation succeeds", async () => {
    const { server, oxen } = await setup();
    const path = join(await tempDir(), "choir.wav");
    await writeFile(path, WAV);
    const uploads: string[] = [];
    const row = await oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "a choir", input_audio: path, input_image: new Blob([Buffer.from([0xff, 0xd8, 0xff, 0])]) }, { onUploadProgress: (p) => uploads.push(p.parameter) });
    expect(row.status).toBe("succeeded");
    // The row carries the request's parameters as sent (the server merges them in; the type leaves them out).
    const sent = row as typeof row & Record<string, unknown>;
    expect(sent.input_audio).toBe(`${server.url}/api/repos/me/assets/file/main/uploads/${sha(WAV)}.wav`);
    expect(sent.input_image).toMatch(/\/uploads\/[0-9a-f]{64}\.jpg$/);
    expect(new Set(uploads)).toEqual(new Set(["input_audio", "input_image"]));
    // Every upload before the paid submission.
    const order = server.requests.map((r) => r.method);
    expect(order.lastIndexOf("PUT")).toBeLessThan(order.indexOf("POST"));
    expect(server.paidSubmissions).toBe(1);
  });

  it("works through a generated model module (enqueue) and the sync call (generate)", async () => {
    const { server, oxen } = await setup();
    const [handle] = await quality.enqueue({ prompt: "a choir", input_audio: new Uint8Array(WAV) }, { client: oxen });
    expect(server.generation(handle!.generationId)?.input_audio).toMatch(/\/uploads\/[0-9a-f]{64}\.wav$/);
    const response = await quality.generate({ prompt: "a choir", input_audio: new Blob([WAV]) }, { client: oxen });
    expect(response.videos).toHaveLength(1);
    expect(calls(server, "PUT")).toHaveLength(1);
  });

  it("checks the rest of the input before uploading anything", async () => {
    const { server, oxen } = await setup();
    const error = await failure(oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "a choir", input_audio: new Blob([WAV]), num_frames: 9999 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(calls(server)).toEqual([]);
  });

  it("enqueues nothing when an upload fails", async () => {
    const { server, oxen } = await setup();
    server.inject({ method: "PUT", path: "/api/repos/", drop: "reset", times: 10 });
    const error = await failure(oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "a choir", input_audio: new Blob([WAV]) }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests.filter((r) => r.method === "POST")).toEqual([]);
    expect(server.paidSubmissions).toBe(0);
  });

  it("enqueues nothing when aborted during an upload", async () => {
    const { server, oxen } = await setup();
    server.inject({ method: "PUT", path: "/api/repos/", delayMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "a choir", input_audio: new Blob([WAV]) }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.paidSubmissions).toBe(0);
  });

  it("says how to configure uploads when a file is given without a target", async () => {
    const { server, oxen } = await setup({ uploads: undefined });
    const error = await failure(oxen.run("ltx-2-3-quality-audio-to-video", { prompt: "a choir", input_audio: new Blob([WAV]) }));
    expect(error.message).toBe("invalid input for ltx-2-3-quality-audio-to-video: input_audio is a local file: give the client an upload target, new OxenClient({ uploads: { namespace, repo } }), or pass a URL");
    expect(server.requests).toEqual([]);
  });

  it("keeps the plain input type the wire type and accepts files only in the file-accepting one", () => {
    const wire: quality.Ltx23QualityAudioToVideoInput = { prompt: "p", input_audio: "https://example.com/a.mp3" };
    // @ts-expect-error the wire type takes a URL, not a Blob
    const notWire: quality.Ltx23QualityAudioToVideoInput = { prompt: "p", input_audio: new Blob([]) };
    const withFile: quality.Ltx23QualityAudioToVideoInputWithFiles = { prompt: "p", input_audio: new Blob([]) };
    // @ts-expect-error only media parameters take files
    const wrongKey: quality.Ltx23QualityAudioToVideoInputWithFiles = { prompt: new Blob([]), input_audio: "x" };
    expect([wire, notWire, withFile, wrongKey]).toHaveLength(4);
  });
});
