// A generated model module's `generate`, `enqueue` and `run` without a client: the API the
// environment names, with the transport's retries; and what each call carries into a bundle.
import { build, type Metafile } from "esbuild";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as quality from "../generated/models/ltx-2-3-quality-audio-to-video.js";
import { type MockServer } from "../mock/index.js";
import { ValidationError } from "../runtime/index.js";
import { CANARY_KEY, failure, startTestServer } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");
const AUDIO = "https://example.com/voice.mp3";

describe("a model function without a client", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startTestServer({ timings: { queuedMs: 20, processingMs: 40, syncMs: 20, keepAliveMs: 1000 } });
    // Read at the first call, which makes the one transport every later call without a client shares.
    vi.stubEnv("OXEN_BASE_URL", server.url);
    vi.stubEnv("OXEN_API_KEY", CANARY_KEY);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });

  it("queues with the key and base URL of the environment, and retries a refused submission", async () => {
    server.inject({ method: "POST", path: "/api/ai/queue", status: 429, headers: { "retry-after": "0" } });
    const handles = await quality.enqueue({ prompt: "a choir", input_audio: AUDIO }, { numGenerations: 2 });
    expect(handles).toMatchObject([
      { modelId: quality.model.id, schemaSha256: quality.model.schemaSha256 },
      { modelId: quality.model.id, schemaSha256: quality.model.schemaSha256 },
    ]);
    expect(server.requests.filter((r) => r.path === "/api/ai/queue").map((r) => r.status)).toEqual([429, 200]);
    expect(server.requests.at(-1)?.body).toMatchObject({ model: quality.model.id, prompt: "a choir", num_generations: 2 });
  });

  it("generates with the sync call and runs to the succeeded row", async () => {
    expect((await quality.generate({ prompt: "a choir", input_audio: AUDIO })).videos?.length).toBeGreaterThan(0);
    const row = await quality.run({ prompt: "a choir", input_audio: AUDIO }, { pollBackoff: { initialMs: 10, maxMs: 20 } });
    expect(row).toMatchObject({ status: "succeeded", model_name: quality.model.id });
  });

  it("refuses a local file with how to upload it, and an invalid body, before sending anything", async () => {
    const sent = server.requests.length;
    const local = (await failure(quality.enqueue({ prompt: "a choir", input_audio: new Blob([new Uint8Array(8)]) }))) as ValidationError;
    expect(local).toBeInstanceOf(ValidationError);
    expect(local.errors).toMatchObject([{ path: "input_audio", keyword: "format", params: { format: "media-url", local: true } }]);
    expect(local.message).toContain("give the client an upload target");
    const invalid = (await failure(quality.run({ prompt: "a choir", input_audio: AUDIO, num_frames: 9999 }))) as ValidationError;
    expect(invalid.errors.map((e) => e.path)).toEqual(["num_frames"]);
    expect(server.requests.length).toBe(sent);
  });
});

/** The runtime modules a bundle of `code` (esbuild, as a browser app bundles it) contains. */
async function runtimeModules(code: string): Promise<string[]> {
  const out = await build({ stdin: { contents: code, resolveDir: ROOT, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
  const inputs = Object.values((out.metafile as Metafile).outputs)[0]!.inputs;
  return Object.entries(inputs)
    .filter(([path, { bytesInOutput }]) => path.startsWith("runtime/") && bytesInOutput > 0)
    .map(([path]) => path.slice("runtime/".length).replace(/\.[jt]s$/, ""))
    .sort();
}

describe("what a model function carries into a bundle", () => {
  const model = "./generated/models/ltx-2-3-quality-audio-to-video.ts";
  const CLIENT_ONLY = ["client", "download", "generations", "uploads"];
  const WAITING = ["events", "sse", "wait", "run"];

  it("validate: no transport, no client", async () => {
    const modules = await runtimeModules(`export { validate } from "${model}";`);
    for (const absent of ["transport", "errors", "queue-calls", ...CLIENT_ONLY, ...WAITING]) expect(modules).not.toContain(absent);
  });

  it.each(["enqueue", "generate"])("%s: the transport, retries and errors, but no waiting, events, download or uploads", async (name) => {
    const modules = await runtimeModules(`export { ${name} } from "${model}";`);
    expect(modules).toEqual(expect.arrayContaining(["errors", "retry", "transport", "queue-calls"]));
    for (const absent of [...CLIENT_ONLY, ...WAITING]) expect(modules).not.toContain(absent);
  });

  it("run: waiting and events too, still not the client", async () => {
    const modules = await runtimeModules(`export { run } from "${model}";`);
    expect(modules).toEqual(expect.arrayContaining(["events", "wait", "run", "transport"]));
    for (const absent of CLIENT_ONLY) expect(modules).not.toContain(absent);
  });
});
