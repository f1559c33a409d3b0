import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OxenClient } from "../generated/index.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OxenError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
} from "../runtime/index.js";

const KEY = CANARY_KEY;
const SEED = "ltx-2-3-quality-audio-to-video";

afterEach(() => {
  vi.unstubAllEnvs();
});

async function setup(options: ConstructorParameters<typeof OxenClient>[0] = {}) {
  const server = await serverForTest({ apiKeys: [KEY], timings: { queuedMs: 20, processingMs: 20, syncMs: 10 } });
  const lines: string[] = [];
  const oxen = new OxenClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0, logger: (l) => lines.push(l), ...options });
  return { server, oxen, lines };
}

describe("API errors", () => {
  const cases: [number, typeof APIError][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ];

  it.each(cases)("maps %i to %o", async (status, type) => {
    const { server, oxen } = await setup();
    server.inject({ path: "/api/ai/models", status });
    const error = await failure(oxen.models.list());
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(OxenError);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).requestId).toMatch(/^req_\d+$/);
  });

  it("reads the typed error shape: code from error.type, message from title and detail, raw body kept", async () => {
    const { oxen } = await setup();
    const error = (await failure(oxen.queue.get("nope"))) as APIError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe("resource_not_found");
    expect(error.message).toMatch(/^404 Not found: Generation not found: nope \(GET \/api\/ai\/queue\/nope, request req_\d+\)$/);
    expect(error.body).toEqual({ error: { type: "resource_not_found", title: "Not found", detail: "Generation not found: nope" }, status: "error", status_message: "resource_not_found" });
  });

  it("reads the message error shape", async () => {
    const { oxen } = await setup();
    const error = (await failure(oxen.models.get("no.Such/model"))) as APIError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBeUndefined();
    expect(error.message).toContain("404 Model not found: no.Such/model");
    expect(error.body).toEqual({ error: { message: "Model not found: no.Such/model" } });
  });

  it("takes the code from status_message when there is no error.type, and keeps a text body", async () => {
    const { server, oxen } = await setup();
    server.inject({ path: "/api/ai/models", status: 422, body: { status: "error", status_message: "invalid_params", error: { title: "Bad", detail: "num_frames" } } });
    expect(await failure(oxen.models.list())).toMatchObject({ code: "invalid_params", message: expect.stringContaining("Bad: num_frames") });
    server.inject({ path: "/api/ai/models", status: 502, body: "<html>Bad gateway</html>" });
    expect(await failure(oxen.models.list())).toMatchObject({ status: 502, body: "<html>Bad gateway</html>", message: expect.stringContaining("<html>Bad gateway</html>") });
  });

  it("says so when a 2xx answer is not JSON", async () => {
    const { server, oxen } = await setup();
    server.inject({ path: "/api/ai/models", status: 200, body: '{"object":"list","data":[' });
    const error = await failure(oxen.models.list());
    expect(error).toBeInstanceOf(OxenError);
    expect(error.message).toMatch(/GET \/api\/ai\/models: the answer is not valid JSON \(200, request req_\d+\)/);
  });
});

describe("configuration", () => {
  it("URL-encodes ids in paths", async () => {
    const { server, oxen } = await setup();
    await failure(oxen.models.get("a/../b c?d"));
    expect(server.requests.at(-1)?.path).toBe("/api/ai/models/a%2F..%2Fb%20c%3Fd");
  });

  it("reads the key and base URL from the environment, the key only at the first call", async () => {
    const { server } = await setup();
    vi.stubEnv("OXEN_API_KEY", "");
    vi.stubEnv("OXEN_BASE_URL", server.url);
    const oxen = new OxenClient({ maxRetries: 0 });
    const error = await failure(oxen.models.list());
    expect(error).toBeInstanceOf(OxenError);
    expect(error.message).toBe("no API key: pass { apiKey } to the client or set OXEN_API_KEY");
    expect(server.requests).toHaveLength(0);
    vi.stubEnv("OXEN_API_KEY", KEY);
    expect((await oxen.models.list()).data.length).toBeGreaterThan(0);
  });

  it("filters models by output on the client side", async () => {
    const { oxen } = await setup();
    expect((await oxen.models.list({ output: "video" })).data.length).toBeGreaterThan(0);
    expect((await oxen.models.list({ output: "image" })).data).toEqual([]);
  });

  it("validates before any request and names the fields", async () => {
    const { server, oxen } = await setup();
    const error = (await failure(oxen.queue.enqueue(SEED, { prompt: "x", input_adio: "https://e.com/a.mp3" } as never))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors.map((e) => e.path).sort()).toEqual(["input_adio", "input_audio"]);
    expect(error.message).toContain("did you mean input_audio?");
    await failure(oxen.run("no-such-model" as never, {} as never));
    await failure(oxen.videos.generate(SEED, { prompt: "x" } as never));
    expect(server.requests).toHaveLength(0);
  });
});

describe("the API key", () => {
  it("appears in no error, message, stack, log line or inspection, even when the server echoes it", async () => {
    const { server, oxen, lines } = await setup({ maxRetries: 1, retryBackoff: { initialMs: 1, maxMs: 1 } });
    server.inject({ path: "/api/ai/models", status: 400, body: { error: { type: "invalid_params", title: "Bad key", detail: `token ${KEY} is malformed` } } });
    server.inject({ path: "/api/ai/queue/", status: 503, body: `upstream said: Bearer ${KEY}`, times: 2 });
    server.inject({ path: "/api/ai/models/", status: 200, body: `{"broken": "${KEY}` });
    const errors = [await failure(oxen.models.list()), await failure(oxen.queue.get("g")), await failure(oxen.models.get(SEED))];
    const wrong = new OxenClient({ apiKey: `${KEY}-wrong`, baseUrl: server.url, maxRetries: 0, logger: (l) => lines.push(l) });
    errors.push(await failure(wrong.models.list()));
    expect(errors.map((e) => e.constructor)).toEqual([BadRequestError, InternalServerError, OxenError, AuthenticationError]);
    expect((errors[0] as APIError).body).toMatchObject({ error: { detail: "token [redacted] is malformed" } });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const everything = [...errors.flatMap((e) => [e.message, String(e.stack), inspect(e, { depth: 5 }), JSON.stringify(e)]), ...lines, inspect(oxen, { depth: 5, showHidden: true }), JSON.stringify(oxen)].join("\n");
    expect(everything).not.toContain(KEY);
    expect(everything).toContain("[redacted]");
  });

  it("never garbles a message when the key is short: only a key standing alone in the server's text is taken out", async () => {
    const server = await serverForTest({ apiKeys: ["e"] });
    const lines: string[] = [];
    const oxen = new OxenClient({ apiKey: "e", baseUrl: server.url, maxRetries: 0, logger: (l) => lines.push(l) });
    server.inject({ path: "/api/ai/queue/", status: 404, body: { error: { message: "Generation not found: gen-e; key e rejected (e)" } } });
    const error = await failure(oxen.queue.get("gen-e"));
    expect(error.message).toBe("404 Generation not found: gen-e; key [redacted] rejected ([redacted]) (GET /api/ai/queue/gen-e, request req_1)");
    expect(lines[0]).toMatch(/^oxen: GET \/api\/ai\/queue\/gen-e → 404 \(\d+ ms\)$/);
    expect((await oxen.models.get(SEED)).id).toBe(SEED);
    expect(lines[1]).toMatch(new RegExp(`^oxen: GET /api/ai/models/${SEED} → 200 \\(\\d+ ms\\)$`));
  });
});
