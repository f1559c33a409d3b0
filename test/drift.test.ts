// Drift: the snapshot against what the models endpoint serves. Against the live API when a key (or
// base URL) is given; always against the project's local server serving a changed snapshot; and
// the faults that must leave the snapshot untouched.
import { copyFile, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Lock } from "../generator/snapshot/lock.js";
import { type MockServer } from "../mock/index.js";
import { cli, editModel, folderBytes, snapshotCopy } from "./fetch-support.js";
import { CANARY_KEY, SCHEMAS, startTestServer } from "./helpers.js";

const LIVE = Boolean(process.env.OXEN_API_KEY || process.env.OXEN_BASE_URL);
const LIVE_SUITE = LIVE
  ? `live drift against ${process.env.OXEN_BASE_URL ?? "https://hub.oxen.ai"}`
  : "live drift (skipped: OXEN_API_KEY is not set; set it, and OXEN_BASE_URL for another server, to compare schemas/ with the live API)";

describe.skipIf(!LIVE)(LIVE_SUITE, () => {
  it("finds no breaking change between schemas/ and the live models", { timeout: 300_000 }, async () => {
    const env = { OXEN_API_KEY: process.env.OXEN_API_KEY, OXEN_BASE_URL: process.env.OXEN_BASE_URL };
    const live = await snapshotCopy();
    const fetched = await cli(["fetch", "--schemas", live], env);
    expect(fetched.err).toBe("");
    expect(fetched.code).toBe(0);
    const report = await cli(["diff", SCHEMAS, live, "--format", "markdown", "--fail-on", "breaking"]);
    console.log(report.out);
    expect(report.code, "breaking drift: see the report above").toBe(0);
  });
});

/** What the local server serves: the committed snapshot with one of each kind of upstream change. */
async function changedSnapshot(): Promise<string> {
  const dir = await snapshotCopy();
  await editModel(dir, "ltx-2-3-quality-audio-to-video", {
    schema: (s) => {
      s.properties.num_frames.maximum = 241;
      s.properties.resolution.enum.push("ultra_hd");
      s.properties.video_quality.default = "medium";
      s.properties.negative_prompt.description = "What to keep out of the video.";
      s.properties.guidance_scale = { type: "number", minimum: 1, maximum: 20 };
    },
  });
  await editModel(dir, "ltx-2-3-pro-audio-to-video", { schema: (s) => s.required.push("prompt") });
  await editModel(dir, "flux-3-video", { model: (m) => (m.display_name = "FLUX 3 Video (beta)") });
  await rm(join(dir, "models", "minimax-h3.json"));
  // A new video model, and an image model that fetch must leave out.
  await copyFile(join(dir, "models", "sam-3-video.json"), join(dir, "models", "acme-new.json"));
  await editModel(dir, "acme-new", { model: (m) => (m.id = "acme-new-video") });
  await copyFile(join(dir, "models", "sam-3-video.json"), join(dir, "models", "acme-image.json"));
  await editModel(dir, "acme-image", { model: (m) => Object.assign(m, { id: "acme-image", endpoint: "/images/generate", capabilities: { input: ["text"], output: ["image"] } }) });
  return dir;
}

const EXPECTED = [
  ["acme-new-video", "model-added", "feature", ""],
  ["flux-3-video", "display-name-changed", "docs", ""],
  ["ltx-2-3-pro-audio-to-video", "property-became-required", "breaking", "/properties/prompt"],
  ["ltx-2-3-quality-audio-to-video", "property-added-optional", "feature", "/properties/guidance_scale"],
  ["ltx-2-3-quality-audio-to-video", "description-changed", "docs", "/properties/negative_prompt/description"],
  ["ltx-2-3-quality-audio-to-video", "maximum-lowered", "breaking", "/properties/num_frames/maximum"],
  ["ltx-2-3-quality-audio-to-video", "enum-value-added", "feature", "/properties/resolution/enum"],
  ["ltx-2-3-quality-audio-to-video", "default-changed", "behavior", "/properties/video_quality/default"],
  ["minimax-h3", "model-removed", "breaking", ""],
];

describe("drift against the local server serving a changed snapshot", () => {
  let server: MockServer;
  const env = () => ({ OXEN_API_KEY: CANARY_KEY, OXEN_BASE_URL: server.url });

  beforeAll(async () => {
    server = await startTestServer({ schemasDir: await changedSnapshot() });
  });
  afterAll(() => server.close());

  it("fetch, then diff --format json: every change classified, with the exit codes of --fail-on", async () => {
    const target = await snapshotCopy();
    const fetched = await cli(["fetch", "--schemas", target], env());
    expect(fetched).toEqual({ code: 0, out: `fetched 31 models into ${target}`, err: "" });
    expect(server.requests.some((r) => r.path === "/api/ai/models/acme-image")).toBe(false);

    const json = await cli(["diff", SCHEMAS, target, "--format", "json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.changes.map((c: { model: string; rule: string; level: string; path: string }) => [c.model, c.rule, c.level, c.path])).toEqual(EXPECTED);
    expect(report.summary).toEqual({ breaking: 3, behavior: 1, feature: 3, docs: 2 });
    expect(report.semver).toBe("major");
    expect(report.changes.find((c: { rule: string }) => c.rule === "maximum-lowered")).toMatchObject({ before: 481, after: 241, message: "num_frames: maximum lowered from 481 to 241" });

    expect((await cli(["diff", SCHEMAS, target, "--fail-on", "breaking"])).code).toBe(1);
    expect((await cli(["diff", target, target, "--fail-on", "docs"])).code).toBe(0);
  });

  it("diff live compares with what the server serves, without writing anything", async () => {
    const result = await cli(["diff", SCHEMAS, "live", "--format", "json"], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).changes.map((c: { model: string; rule: string; level: string; path: string }) => [c.model, c.rule, c.level, c.path])).toEqual(EXPECTED);
  });

  it("writes canonical files and a lock: unchanged schemas keep their lock entries, a second fetch changes no byte", async () => {
    const target = await snapshotCopy();
    expect((await cli(["fetch", "--schemas", target], env())).code).toBe(0);
    const before: Lock = JSON.parse(await readFile(join(SCHEMAS, "lock.json"), "utf8"));
    const after: Lock = JSON.parse(await readFile(join(target, "lock.json"), "utf8"));
    // flux-3-video changed only its display name: same schema, same entry.
    expect(after.models["flux-3-video"]).toEqual(before.models["flux-3-video"]);
    expect(after.models["ltx-2-3-quality-audio-to-video"]).toMatchObject({
      file: "models/ltx-2-3-quality-audio-to-video.json",
      source: `${server.url}/api/ai/models/ltx-2-3-quality-audio-to-video`,
    });
    expect(after.models["ltx-2-3-quality-audio-to-video"]!.schemaSha256).not.toBe(before.models["ltx-2-3-quality-audio-to-video"]!.schemaSha256);
    expect(Date.parse(after.models["ltx-2-3-quality-audio-to-video"]!.fetchedAt)).toBeGreaterThan(Date.parse(before.models["ltx-2-3-quality-audio-to-video"]!.fetchedAt));
    expect(Object.hasOwn(after.models, "minimax-h3")).toBe(false);
    expect(after.hubOpenapi).toEqual(before.hubOpenapi);
    expect(await readFile(join(target, "hub-openapi.json"), "utf8")).toBe(await readFile(join(SCHEMAS, "hub-openapi.json"), "utf8"));
    const served = await readFile(join(target, "models", "ltx-2-3-quality-audio-to-video.json"), "utf8");
    expect(served).toBe(`${JSON.stringify(JSON.parse(served), null, 2)}\n`);

    const once = await folderBytes(target);
    expect((await cli(["fetch", "--schemas", target], env())).code).toBe(0);
    expect(await folderBytes(target)).toEqual(once);
  });
});

describe("a failed fetch leaves the snapshot byte-identical", () => {
  let server: MockServer;
  const MODEL = "ltx-2-3-pro-audio-to-video";

  beforeAll(async () => {
    server = await startTestServer({ schemasDir: SCHEMAS });
  });
  afterAll(() => server.close());
  afterEach(() => server.clearFaults());

  /** Runs a fetch that must fail with `code` (2: the answer itself is unusable input) and returns its error line. */
  async function failedFetch(args: string[], { key = CANARY_KEY, code = 1 } = {}): Promise<string> {
    const target = await snapshotCopy();
    const before = await folderBytes(target);
    const result = await cli(["fetch", "--schemas", target, ...args], { OXEN_API_KEY: key, OXEN_BASE_URL: server.url });
    expect(result.code).toBe(code);
    expect(result.out).toBe("");
    expect(await folderBytes(target)).toEqual(before);
    return result.err;
  }

  it("a 500 on one model, after the retries", async () => {
    server.inject({ path: `/api/ai/models/${MODEL}`, status: 500, times: 3 });
    const err = await failedFetch([]);
    expect(err).toMatch(new RegExp(`^oxen-contracts fetch: model ${MODEL}: the server answered 500 `));
    expect(server.requests.filter((r) => r.path === `/api/ai/models/${MODEL}`).length).toBeGreaterThanOrEqual(3);
  });

  it("a model that does not answer in time", async () => {
    server.inject({ path: `/api/ai/models/${MODEL}`, delayMs: 1500, times: 3 });
    const err = await failedFetch(["--timeout-ms", "200"]);
    expect(err).toMatch(new RegExp(`^oxen-contracts fetch: model ${MODEL}: no answer in time \\(GET /api/ai/models/${MODEL} timed out after 200 ms\\)`));
  });

  it("malformed JSON", async () => {
    server.inject({ path: `/api/ai/models/${MODEL}`, status: 200, body: '{"id": "ltx-2-3-pro-audio-to-video", ' });
    expect(await failedFetch([])).toContain(`model ${MODEL}: GET /api/ai/models/${MODEL}: the answer is not valid JSON`);
  });

  it("401: says to set OXEN_API_KEY and never prints the key", async () => {
    const key = "sk-wrong-0123456789abcdef";
    const err = await failedFetch([], { key });
    expect(err).toMatch(/^oxen-contracts fetch: model list: the API key was rejected \(401 .*\); set OXEN_API_KEY to a valid key$/);
    expect(err).not.toContain(key);
  });

  it("a 404 for a named model", async () => {
    expect(await failedFetch(["--models", "no-such-model"])).toMatch(/^oxen-contracts fetch: model no-such-model: not found \(404 Model not found: no-such-model \(GET \/api\/ai\/models\/no-such-model, request req_\d+\)\)$/);
  });

  it("diff live reports a model served with an unusable schema as schema-invalid, naming its URL, and compares the others", async () => {
    const model = JSON.parse(await readFile(join(SCHEMAS, "models", `${MODEL}.json`), "utf8"));
    model.json_request_schema.properties.prompt = { $ref: "https://evil.example/schema.json" };
    server.inject({ path: `/api/ai/models/${MODEL}`, status: 200, body: model });
    server.inject({ path: "/api/ai/models/flux-3-video", status: 200, body: { id: "flux-3-video", json_request_schema: "not a schema" } });
    const result = await cli(["diff", SCHEMAS, "live", "--format", "json"], { OXEN_API_KEY: CANARY_KEY, OXEN_BASE_URL: server.url });
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const changes = JSON.parse(result.out).changes as { model: string; rule: string; level: string; message: string }[];
    expect(changes.map((c) => [c.model, c.rule, c.level])).toEqual([
      ["flux-3-video", "schema-invalid", "breaking"],
      [MODEL, "schema-invalid", "breaking"],
    ]);
    expect(changes[1]!.message).toContain(`${server.url}/api/ai/models/${MODEL}`);
    expect(changes[1]!.message).toContain("#/properties/prompt/$ref");
  });

  it("a model whose schema is unsafe is stored as served (one odd model never blocks a refresh); generate refuses it, with the place in the schema", async () => {
    const model = JSON.parse(await readFile(join(SCHEMAS, "models", `${MODEL}.json`), "utf8"));
    model.json_request_schema.properties.prompt = { $ref: "https://evil.example/schema.json" };
    server.inject({ path: `/api/ai/models/${MODEL}`, status: 200, body: model });
    const target = await snapshotCopy();
    const fetched = await cli(["fetch", "--schemas", target], { OXEN_API_KEY: CANARY_KEY, OXEN_BASE_URL: server.url });
    expect(fetched.code).toBe(0);
    expect(JSON.parse(await readFile(join(target, "models", `${MODEL}.json`), "utf8")).json_request_schema.properties.prompt).toEqual(model.json_request_schema.properties.prompt);
    const generated = await cli(["generate", "--schemas", target, "--out", join(target, "out"), "--no-cache"], {});
    expect(generated.code).toBe(1);
    expect(generated.err).toContain(`models/${MODEL}.json: model "${MODEL}": json_request_schema#/properties/prompt/$ref: only local references`);
  });
});
