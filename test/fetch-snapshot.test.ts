// `oxen-contracts fetch` against the local server: what it selects, what it tolerates, what it
// writes, how it reports progress and bad arguments. The faults are in drift.test.ts.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { detailModel, isVideoModel, listedModels } from "../generator/snapshot/fetch.js";
import type { Lock } from "../generator/snapshot/lock.js";
import { type MockServer } from "../mock/index.js";
import { cli, editModel, folderBytes, snapshotCopy } from "./fetch-support.js";
import { CANARY_KEY, SCHEMAS, startTestServer } from "./helpers.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const PRO = "ltx-2-3-pro-audio-to-video";

describe("reading the models endpoint's answers", () => {
  it("takes the documented list and the { models } wrapper, and refuses anything else", () => {
    expect(listedModels({ object: "list", data: [{ id: "a" }] })).toEqual([{ id: "a" }]);
    expect(listedModels({ models: [{ id: "b" }] })).toEqual([{ id: "b" }]);
    expect(() => listedModels([{ id: "a" }])).toThrow('model list: expected { "object": "list", "data": [...] } or { "models": [...] }, got an array');
  });

  it("takes a model object as it is, or out of a { model } wrapper", () => {
    expect(detailModel({ id: "a", model: "x" })).toEqual({ id: "a", model: "x" });
    expect(detailModel({ model: { id: "a" } })).toEqual({ id: "a" });
  });

  it("selects video models by output or by endpoint", () => {
    expect(isVideoModel({ capabilities: { output: ["video"] } })).toBe(true);
    expect(isVideoModel({ endpoint: "/videos/generate" })).toBe(true);
    expect(isVideoModel({ endpoint: "/images/generate", capabilities: { output: ["image"] } })).toBe(false);
  });
});

describe("oxen-contracts fetch", () => {
  let server: MockServer;
  const env = () => ({ OXEN_API_KEY: CANARY_KEY, OXEN_BASE_URL: server.url });
  const detailRequests = () => server.requests.filter((r) => r.path.startsWith("/api/ai/models/")).map((r) => decodeURIComponent(r.path.slice("/api/ai/models/".length)));

  beforeAll(async () => {
    const served = await snapshotCopy();
    await editModel(served, SEED, { schema: (s) => (s.properties.num_frames.default = 241) });
    await editModel(served, PRO, { schema: (s) => (s.properties.prompt.description = "Changed upstream.") });
    server = await startTestServer({ schemasDir: served });
  });
  afterAll(() => server.close());
  afterEach(() => server.clearFaults());

  it("with --models fetches only those and keeps the other models byte for byte", async () => {
    const target = await snapshotCopy();
    const before = await folderBytes(target);
    const sent = server.requests.length;
    const result = await cli(["fetch", "--schemas", target, "--models", `${SEED},${SEED}`], env());
    expect(result).toEqual({ code: 0, out: `fetched 1 model into ${target}`, err: "" });
    expect(server.requests.slice(sent).map((r) => r.path)).toEqual([`/api/ai/models/${SEED}`]);
    const after = await folderBytes(target);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.sort()).toEqual(["lock.json", `models/${SEED}.json`]);
    // The maintainers' files beside the models (examples/, overlays/) are carried over, not dropped.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after).filter((f) => f.startsWith("examples/")).length).toBeGreaterThan(0);
    const model = JSON.parse(await readFile(join(target, "models", `${SEED}.json`), "utf8"));
    expect(model.json_request_schema.properties.num_frames.default).toBe(241);
  });

  it("tolerates a wrapped list and wrapped model objects", async () => {
    const target = await snapshotCopy();
    const raw = JSON.parse(await readFile(join(SCHEMAS, "models", `${PRO}.json`), "utf8"));
    server.inject({ path: "/api/ai/models", method: "GET", status: 200, body: { models: [{ id: PRO, capabilities: { output: ["video"] } }, { id: "img", endpoint: "/images/generate" }] } });
    server.inject({ path: `/api/ai/models/${PRO}`, status: 200, body: { model: raw } });
    const result = await cli(["fetch", "--schemas", target], env());
    expect(result).toEqual({ code: 0, out: `fetched 1 model into ${target}`, err: "" });
    const lock: Lock = JSON.parse(await readFile(join(target, "lock.json"), "utf8"));
    expect(Object.keys(lock.models)).toEqual([PRO]);
    expect(await readFile(join(target, "models", `${PRO}.json`), "utf8")).toBe(`${JSON.stringify(raw, null, 2)}\n`);
  });

  it("fetches at most --concurrency models at once", async () => {
    const target = await snapshotCopy();
    const ids = ["flux-3-video", "google-veo-3-1", "minimax-h3", "sam-3-video", PRO, SEED];
    server.inject({ path: "/api/ai/models/", delayMs: 150, times: ids.length });
    const started = Date.now();
    expect((await cli(["fetch", "--schemas", target, "--models", ids.join(","), "--concurrency", "2"], env())).code).toBe(0);
    // Six answers that each take 150 ms, two at a time, take three rounds at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150);
    expect(detailRequests().slice(-ids.length).sort()).toEqual([...ids].sort());
  });

  it("shows progress on a terminal and nothing otherwise", async () => {
    const target = await snapshotCopy();
    const tty = await cli(["fetch", "--schemas", target, "--models", `${SEED},${PRO}`], env(), true);
    expect(tty.err.split("\n")).toEqual(["0/2 models", "\x1b[1A\x1b[2K1/2 models", "\x1b[1A\x1b[2K2/2 models"]);
    const ci = await cli(["fetch", "--schemas", target, "--models", `${SEED},${PRO}`], env(), false);
    expect(ci.err).toBe("");
  });

  it("refreshes hub-openapi.json from --spec-url, and needs it when the snapshot has none", async () => {
    const target = await snapshotCopy();
    const spec = { openapi: "3.0.0", info: { title: "Oxen", version: "0.244.0" }, paths: {} };
    server.inject({ path: "/openapi.json", status: 200, body: spec });
    const result = await cli(["fetch", "--schemas", target, "--models", SEED, "--spec-url", `${server.url}/openapi.json`], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(join(target, "hub-openapi.json"), "utf8"))).toEqual(spec);
    const lock: Lock = JSON.parse(await readFile(join(target, "lock.json"), "utf8"));
    expect(lock.hubOpenapi.source).toBe(`${server.url}/openapi.json`);

    await rm(join(target, "hub-openapi.json"));
    const missing = await cli(["fetch", "--schemas", target], env());
    expect(missing).toMatchObject({ code: 2, err: `oxen-contracts fetch: ${join(target, "hub-openapi.json")}: cannot read; pass --spec-url to fetch Oxen's OpenAPI document` });
  });

  it.each([
    [["--models", "a", "--all-video"], "--models and --all-video exclude each other"],
    [["--models", "a,,b"], '--models: expected a comma-separated list of model ids, got "a,,b"'],
    [["--concurrency", "0"], '--concurrency: expected a whole number from 1 to 64, got "0"'],
    [["--timeout-ms", "soon"], '--timeout-ms: expected a whole number from 1 to 3600000, got "soon"'],
    [["--base-url", "ftp://example.com"], 'base URL: expected an http(s) URL, got "ftp://example.com"'],
  ])("rejects %j with exit 2 and touches nothing", async (args, message) => {
    const target = await snapshotCopy();
    const before = await folderBytes(target);
    expect(await cli(["fetch", "--schemas", target, ...args], env())).toEqual({ code: 2, out: "", err: `oxen-contracts fetch: ${message}` });
    expect(await folderBytes(target)).toEqual(before);
  });

  it("asks for OXEN_API_KEY when it is not set, before any request", async () => {
    const sent = server.requests.length;
    expect(await cli(["fetch", "--schemas", await snapshotCopy()], { OXEN_BASE_URL: server.url })).toEqual({ code: 2, out: "", err: "oxen-contracts fetch: no API key: set OXEN_API_KEY" });
    expect(server.requests.length).toBe(sent);
  });
});
