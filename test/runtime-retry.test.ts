import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { type MockServer } from "../mock/index.js";
import { CANARY_KEY, failure, startTestServer } from "./helpers.js";
import { AbortError, ConnectionError, InternalServerError, RateLimitError, TimeoutError } from "../runtime/index.js";
import { backoffDelay, retryAfterMs } from "../runtime/retry.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(options: ConstructorParameters<typeof OxenClient>[0] = {}, port?: number) {
  const server = await startTestServer({ port, timings: { queuedMs: 10_000, syncMs: 10 } });
  servers.push(server);
  const lines: string[] = [];
  const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, maxRetries: 2, retryBackoff: { initialMs: 5, maxMs: 20 }, logger: (l) => lines.push(l), ...options });
  return { server, oxen, lines };
}

const attempts = (server: MockServer, method: string, path: string) => server.requests.filter((r) => r.method === method && r.path.startsWith(path)).length;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the delay before a retry", () => {
  it("doubles up to the cap, with at most 25% jitter taken off", () => {
    const b = { initialMs: 100, maxMs: 500 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, b, () => 0))).toEqual([100, 200, 400, 500, 500]);
    expect(backoffDelay(1, b, () => 1)).toBe(150);
  });

  it("reads retry-after-ms, Retry-After delta-seconds and the three HTTP-date forms, all GMT", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const after = (headers: Record<string, string>) => retryAfterMs(new Headers(headers), now);
    expect(after({ "retry-after-ms": "250", "retry-after": "9" })).toBe(250);
    expect(after({ "retry-after-ms": "0.5" })).toBe(0.5);
    expect(after({ "retry-after": "2" })).toBe(2000);
    expect(after({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" })).toBe(3000);
    expect(after({ "retry-after": "Thursday, 01-Jan-26 00:00:03 GMT" })).toBe(3000);
    expect(after({ "retry-after": "Thu Jan  1 00:00:03 2026" })).toBe(3000);
    expect(after({ "retry-after": "Wed, 31 Dec 2025 00:00:00 GMT" })).toBe(0);
    // RFC 850's two-digit year: more than 50 years ahead means the century before.
    expect(after({ "retry-after": "Friday, 01-Jan-99 00:00:00 GMT" })).toBe(0);
    expect(after({ "retry-after": "Friday, 01-Jan-76 00:00:00 GMT" })).toBe(Date.parse("2076-01-01T00:00:00Z") - now);
    expect(after({})).toBeUndefined();
  });

  it("ignores every Retry-After and retry-after-ms that is not in those forms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const invalid = ["-1", "+5", "1.5", "1e3", " 5x", "foo 1", "soon", "0x10", "", "Infinity",
      "2026-01-01T00:00:03Z", "Thu, 01 Jan 2026 00:00:03 +0000", "Thu, 01 Jan 2026 00:00:03", "thu, 01 jan 2026 00:00:03 gmt",
      "Thu, 1 Jan 2026 00:00:03 GMT", "Thu, 31 Feb 2026 00:00:03 GMT", "Thu, 01 Jan 2026 24:00:03 GMT", "Thu Jan 1 00:00:03 2026", "Jan 1, 2026"];
    for (const value of invalid) expect(retryAfterMs(new Headers({ "retry-after": value }), now), value).toBeUndefined();
    for (const value of ["-5", "+5", "1e3", "abc", "Infinity", "NaN", ""]) expect(retryAfterMs(new Headers({ "retry-after-ms": value }), now), value).toBeUndefined();
    // An unusable retry-after-ms leaves Retry-After to decide.
    expect(retryAfterMs(new Headers({ "retry-after-ms": "-5", "retry-after": "2" }), now)).toBe(2000);
  });
});

describe("Retry-After over loopback", () => {
  /** One 503 with `headers` on GET /api/ai/models; returns what the client logged of the wait. */
  async function retryAfter(headers: Record<string, string>) {
    const { server, oxen, lines } = await setup({ maxRetries: 1, retryBackoff: { initialMs: 40, maxMs: 40 }, maxRetryAfterMs: 1 });
    server.inject({ method: "GET", path: "/api/ai/models", status: 503, headers });
    let error: Error | undefined;
    await oxen.models.list().catch((e: Error) => (error = e));
    const retrying = lines.map((l) => /retrying GET \/api\/ai\/models in ([\d.]+) ms/.exec(l)?.[1]).find((v) => v !== undefined);
    const asked = lines.map((l) => /the server asks to wait ([\d.e+]+) ms/.exec(l)?.[1]).find((v) => v !== undefined);
    return { retryMs: retrying === undefined ? undefined : Number(retrying), askedMs: asked === undefined ? undefined : Number(asked), error, attempts: attempts(server, "GET", "/api/ai/models") };
  }
  const httpDate = (ms: number) => new Date(ms).toUTCString();

  it("honours delta-seconds and each HTTP-date form (a longer wait than maxRetryAfterMs is refused, naming the wait)", async () => {
    expect(await retryAfter({ "retry-after": "3" })).toMatchObject({ askedMs: 3000, attempts: 1, error: expect.any(InternalServerError) });
    const target = Math.floor(Date.now() / 1000) * 1000 + 3000;
    const d = new Date(target);
    const two = (n: number) => String(n).padStart(2, "0");
    const [weekday, day, month, year, time] = [d.toUTCString().slice(0, 3), d.getUTCDate(), d.toUTCString().slice(8, 11), d.getUTCFullYear(), d.toUTCString().slice(17, 25)];
    const longDay = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][d.getUTCDay()];
    const forms = [httpDate(target), `${longDay}, ${two(day)}-${month}-${two(year % 100)} ${time} GMT`, `${weekday} ${month} ${String(day).padStart(2, " ")} ${time} ${year}`];
    // The process's own time zone must not matter (asctime was read as local time).
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      for (const value of forms) {
        const { askedMs, attempts: n } = await retryAfter({ "retry-after": value });
        expect(askedMs, value).toBeGreaterThan(1000);
        expect(askedMs, value).toBeLessThanOrEqual(3000);
        expect(n).toBe(1);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("retries at once for a past date, and gives up on a huge value", async () => {
    expect(await retryAfter({ "retry-after": httpDate(Date.now() - 3_600_000) })).toMatchObject({ retryMs: 0, attempts: 2 });
    expect(await retryAfter({ "retry-after": "99999999999999999999" })).toMatchObject({ askedMs: 1e23, attempts: 1 });
    expect(await retryAfter({ "retry-after": "Fri, 31 Dec 9999 23:59:59 GMT" })).toMatchObject({ attempts: 1, error: expect.any(InternalServerError) });
  });

  it("falls back to the normal backoff for invalid and negative values", async () => {
    for (const headers of <Record<string, string>[]>[{ "retry-after": "-1" }, { "retry-after": "+5" }, { "retry-after": "foo 1" }, { "retry-after": "1.5" }, { "retry-after": "Thu, 01 Jan 2026 00:00:03 +0100" }, { "retry-after-ms": "-20" }, { "retry-after-ms": "1e1" }]) {
      const { retryMs, attempts: n } = await retryAfter(headers);
      // 40 ms less up to 25 % jitter: neither "now" nor what the header seemed to say.
      expect(retryMs, JSON.stringify(headers)).toBeGreaterThanOrEqual(30);
      expect(retryMs, JSON.stringify(headers)).toBeLessThanOrEqual(40);
      expect(n).toBe(2);
    }
  });

  it("honours retry-after-ms as a plain number", async () => {
    const { server, oxen, lines } = await setup({ maxRetries: 1, retryBackoff: { initialMs: 40, maxMs: 40 } });
    server.inject({ method: "GET", path: "/api/ai/models", status: 503, headers: { "retry-after-ms": "7.5" } });
    await oxen.models.list();
    expect(lines).toContain("oxen: retrying GET /api/ai/models in 7.5 ms (retry 1 of 1)");
  });
});

describe("GET and DELETE", () => {
  it("retry through a 500/503 burst and log each attempt and retry", async () => {
    const { server, oxen, lines } = await setup();
    server.inject({ method: "GET", path: "/api/ai/models", status: 503, times: 2 });
    expect((await oxen.models.list()).object).toBe("list");
    expect(attempts(server, "GET", "/api/ai/models")).toBe(3);
    expect(lines.filter((l) => l.startsWith("oxen: GET /api/ai/models → "))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith("oxen: retrying GET /api/ai/models in "))).toHaveLength(2);
  });

  it("give up after maxRetries with the last error", async () => {
    const { server, oxen } = await setup();
    server.inject({ path: "/api/ai/models", status: 500, times: 5 });
    expect(await failure(oxen.models.list())).toBeInstanceOf(InternalServerError);
    expect(attempts(server, "GET", "/api/ai/models")).toBe(3);
  });

  it("retry a connection reset, a body cut midway and 408", async () => {
    const { server, oxen } = await setup();
    server.inject({ path: `/api/ai/models/${SEED}`, drop: "reset" });
    server.inject({ path: `/api/ai/models/${SEED}`, drop: "mid-body" });
    expect((await oxen.models.get(SEED)).id).toBe(SEED);
    server.inject({ path: "/api/ai/queue/", method: "DELETE", status: 408 });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    expect(await oxen.queue.cancel(handle!.generationId)).toEqual({ status: "success", generation_id: handle!.generationId });
    expect(attempts(server, "GET", "/api/ai/models/")).toBe(3);
    expect(attempts(server, "DELETE", "/api/ai/queue/")).toBe(2);
  });

  it("do not retry other 4xx", async () => {
    const { server, oxen } = await setup();
    await failure(oxen.queue.get("nope"));
    expect(attempts(server, "GET", "/api/ai/queue/nope")).toBe(1);
  });

  it("time out per attempt, retry, and end in a TimeoutError when every attempt is slow", async () => {
    const { server, oxen } = await setup({ timeoutMs: 100 });
    server.inject({ path: "/api/ai/models", delayMs: 400 });
    expect((await oxen.models.list()).object).toBe("list");
    server.inject({ path: "/api/ai/models", delayMs: 400, times: 3 });
    const started = Date.now();
    const error = await failure(oxen.models.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("GET /api/ai/models timed out after 100 ms");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("wait as long as 429's Retry-After says (seconds or retry-after-ms), with no backoff of their own", async () => {
    const { server, oxen } = await setup({ retryBackoff: { initialMs: 1, maxMs: 1 } });
    server.inject({ path: "/api/ai/models", status: 429, headers: { "retry-after": "1" } });
    let started = Date.now();
    await oxen.models.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    server.inject({ path: "/api/ai/models", status: 429, headers: { "retry-after-ms": "300" } });
    started = Date.now();
    await oxen.models.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
  });

  it("back off on 429 without Retry-After", async () => {
    const { server, oxen, lines } = await setup({ retryBackoff: { initialMs: 200, maxMs: 200 } });
    server.inject({ path: "/api/ai/models", status: 429 });
    const started = Date.now();
    await oxen.models.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    // 200 ms less up to 25 % jitter: 150 to 200.
    expect(lines.some((l) => /retrying GET \/api\/ai\/models in (1[5-9]\d|200) ms \(retry 1 of 2\)/.test(l))).toBe(true);
  });

  it("stop at once when Retry-After asks for more than maxRetryAfterMs", async () => {
    const { server, oxen, lines } = await setup({ maxRetryAfterMs: 1000 });
    server.inject({ path: "/api/ai/models", status: 429, headers: { "retry-after": "120" } });
    const started = Date.now();
    expect(await failure(oxen.models.list())).toBeInstanceOf(RateLimitError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(attempts(server, "GET", "/api/ai/models")).toBe(1);
    expect(lines.some((l) => l.includes("more than maxRetryAfterMs"))).toBe(true);
  });

  it("stop waiting at once when the caller aborts, during a backoff or a slow answer", async () => {
    const { server, oxen } = await setup({ retryBackoff: { initialMs: 5000, maxMs: 5000 } });
    server.inject({ path: "/api/ai/models", status: 503, times: 3 });
    let started = Date.now();
    const error = await failure(oxen.models.list({ signal: AbortSignal.timeout(100) }));
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(1000);
    server.clearFaults();
    server.inject({ path: "/api/ai/models", delayMs: 3000 });
    started = Date.now();
    expect(await failure(oxen.models.list({ signal: AbortSignal.timeout(100) }))).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("paid POSTs are never replayed once they may have reached the server", () => {
  const paidCalls = {
    queue: (oxen: OxenClient) => oxen.queue.enqueue(SEED, INPUT),
    sync: (oxen: OxenClient) => oxen.videos.generate(SEED, INPUT),
  };
  const paths = { queue: "/api/ai/queue", sync: "/api/ai/videos/generate" };

  for (const [name, call] of Object.entries(paidCalls)) {
    const path = paths[name as keyof typeof paths];

    it(`${name}: a 500 or 503 is thrown, not retried`, async () => {
      const { server, oxen } = await setup();
      for (const status of [500, 503]) {
        server.inject({ method: "POST", path, status, times: 3 });
        expect(await failure(call(oxen))).toBeInstanceOf(InternalServerError);
        server.clearFaults();
      }
      expect(attempts(server, "POST", path)).toBe(2);
    });

    it(`${name}: a connection reset after sending is a ConnectionError, not retried`, async () => {
      const { server, oxen } = await setup();
      server.inject({ method: "POST", path, drop: "reset", times: 3 });
      const error = await failure(call(oxen));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.message).toContain("not retried, as it may have reached the server and started paid work");
      expect(attempts(server, "POST", path)).toBe(1);
    });

    it(`${name}: an answer cut midway is a ConnectionError; the work was done once`, async () => {
      const { server, oxen } = await setup();
      server.inject({ method: "POST", path, drop: "mid-body", times: 3 });
      expect(await failure(call(oxen))).toBeInstanceOf(ConnectionError);
      expect(attempts(server, "POST", path)).toBe(1);
      expect(server.paidSubmissions).toBe(1);
    });

    it(`${name}: a slow answer times out without a second submission`, async () => {
      const { server, oxen } = await setup({ timeoutMs: 100 });
      server.inject({ method: "POST", path, delayMs: 300, times: 3 });
      const error = await failure(name === "sync" ? oxen.videos.generate(SEED, INPUT, { timeoutMs: 100 }) : call(oxen));
      expect(error).toBeInstanceOf(TimeoutError);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(attempts(server, "POST", path)).toBe(1);
      expect(server.paidSubmissions).toBe(1);
    });

    it(`${name}: 429 (refused before any work) is retried, honouring Retry-After`, async () => {
      const { server, oxen } = await setup();
      server.inject({ method: "POST", path, status: 429, headers: { "retry-after-ms": "50" } });
      server.inject({ method: "POST", path, status: 429 });
      await call(oxen);
      expect(attempts(server, "POST", path)).toBe(3);
      expect(server.paidSubmissions).toBe(1);
    });
  }

  it("a refused connection (nothing sent) is retried until the server is up, and submitted once", async () => {
    const port = await freePort();
    const lines: string[] = [];
    let started: Promise<unknown> | undefined;
    const oxen = new OxenClient({
      apiKey: CANARY_KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 2,
      retryBackoff: { initialMs: 300, maxMs: 300 },
      logger: (line) => {
        lines.push(line);
        // The server comes up while the client backs off after the first refusal.
        if (line.startsWith("oxen: retrying") && started === undefined) started = setup({}, port);
      },
    });
    const [handle] = await oxen.queue.enqueue(SEED, INPUT);
    expect(handle?.generationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]).toBe("oxen: POST /api/ai/queue failed: fetch failed (ECONNREFUSED)");
    expect(servers[0]!.paidSubmissions).toBe(1);
    expect(attempts(servers[0]!, "POST", "/api/ai/queue")).toBe(1);
  });
});
