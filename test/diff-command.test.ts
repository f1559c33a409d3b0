// `oxen-contracts diff` as a user runs it: sources, formats, exit codes, bad input.
import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadSide } from "../generator/drift/sources.js";
import { cli, editModel, snapshotCopy } from "./fetch-support.js";
import { SCHEMAS, tempDir } from "./helpers.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const noLive = () => Promise.reject(new Error("not live"));

/** A copy of the snapshot with one edit of the seed model's schema. */
async function edited(edit: (schema: Record<string, any>) => void): Promise<string> {
  const dir = await snapshotCopy();
  await editModel(dir, SEED, { schema: edit });
  return dir;
}

describe("oxen-contracts diff", () => {
  it("prints one JSON object and nothing else with --format json", async () => {
    const dir = await edited((s) => (s.properties.seed.description = "Seed."));
    const result = await cli(["diff", SCHEMAS, dir, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      changes: [{ model: SEED, path: "/properties/seed/description", rule: "description-changed", level: "docs", before: "Random seed for reproducibility. If None, a random seed is chosen.", after: "Seed.", message: "seed: description changed" }],
      summary: { breaking: 0, behavior: 0, feature: 0, docs: 1 },
      semver: "patch",
    });
  });

  it("exits 1 with --fail-on only when a change at that level or a worse one exists", async () => {
    const feature = await edited((s) => (s.properties.extra = { type: "string" }));
    const codes = [];
    for (const level of ["breaking", "behavior", "feature", "docs"]) codes.push((await cli(["diff", SCHEMAS, feature, "--fail-on", level])).code);
    expect(codes).toEqual([0, 0, 1, 1]);
    const breaking = await edited((s) => s.required.push("seed"));
    expect((await cli(["diff", SCHEMAS, breaking, "--fail-on", "breaking"])).code).toBe(1);
    expect((await cli(["diff", breaking, breaking, "--fail-on", "docs"])).code).toBe(0);
  });

  it("prints markdown for a pull request, opening with a summary table", async () => {
    const dir = await edited((s) => s.required.push("seed"));
    const result = await cli(["diff", SCHEMAS, dir, "--format", "markdown"]);
    expect(result.out).toContain(`| model | breaking | behavior | feature | docs |\n|---|---:|---:|---:|---:|\n| ${SEED} | 1 | 0 | 0 | 0 |\n| **all 1** | 1 | 0 | 0 | 0 |`);
    expect(result.out).toContain(`### ${SEED}\n\n- **breaking** seed: now required (\` property-became-required \` at \` /properties/seed \`)`);
  });

  it.each([
    [["--format", "xml"], '--format: expected one of text, markdown, json, got "xml"'],
    [["--fail-on", "severe"], '--fail-on: expected one of breaking, behavior, feature, docs, got "severe"'],
    [["a", "b", "c"], "expected at most two snapshots, got 3\nusage: oxen-contracts diff [OLD] [NEW] [--format text|markdown|json] [--fail-on LEVEL]"],
    [["--colour"], "Unknown option '--colour'"],
  ])("rejects %j with exit 2", async (args, message) => {
    const result = await cli(["diff", ...args]);
    expect(result).toMatchObject({ code: 2, out: "" });
    expect(result.err.startsWith(`oxen-contracts diff: ${message}`)).toBe(true);
  });

  // Issue 13 changed this: a model file that cannot be read used to end the diff with exit 2; now
  // it is one change of the report (schema-invalid) and every other model is still compared.
  it("reports a model file that is not JSON as schema-invalid, naming the file, and goes on", async () => {
    const dir = await edited((s) => (s.properties.seed.description = "Seed."));
    await writeFile(join(dir, "models", "broken.json"), "{ not json");
    const result = await cli(["diff", SCHEMAS, dir, "--format", "json", "--fail-on", "breaking"]);
    expect(result.code).toBe(1);
    const { changes } = JSON.parse(result.out);
    expect(changes.map((c: { model: string; rule: string; level: string }) => [c.model, c.rule, c.level])).toEqual([
      ["broken", "schema-invalid", "breaking"],
      [SEED, "description-changed", "docs"],
    ]);
    expect(changes[0].message).toMatch(new RegExp(`^model broken: cannot be read: not valid JSON \\(.*\\) \\(${join(dir, "models", "broken.json")}\\)$`));
  });

  it("reports a model whose schema is invalid on one side as one line, with the reason and file, and compares the others", async () => {
    const dir = await edited((s) => (s.properties.seed.type = "int"));
    await editModel(dir, "flux-3-video", { model: (m) => (m.display_name = "FLUX 3 Video (beta)") });
    const result = await cli(["diff", SCHEMAS, dir]);
    expect(result.code).toBe(0);
    const file = join(dir, "models", `${SEED}.json`);
    const lines = result.out.split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(SEED);
    // The reason is the loader's own line (the pointer and what was expected).
    expect(lines[1]!.startsWith(`  breaking  model ${SEED}: cannot be read: json_request_schema#/properties/seed/type: `)).toBe(true);
    expect(lines[1]).toContain(`"int"`);
    expect(lines[1]!.endsWith(` (${file})  [schema-invalid]`)).toBe(true);
    expect(lines.slice(2)).toEqual(["flux-3-video", '  docs      display name changed from "FLUX 3 Video" to "FLUX 3 Video (beta)"  [display-name-changed]', "", "1 breaking, 0 behavior, 0 feature, 1 docs; suggested version bump: major"]);
    // The other way round the model can be read again: a feature, not a breaking change.
    const back = JSON.parse((await cli(["diff", dir, SCHEMAS, "--format", "json"])).out);
    expect(back.changes.find((c: { model: string }) => c.model === SEED)).toMatchObject({ rule: "schema-repaired", level: "feature" });
    expect((await cli(["diff", dir, dir, "--fail-on", "docs"])).code).toBe(0);
  });

  it("compares two folders of model objects without hub-openapi.json or lock.json", async () => {
    const [old, now] = [await tempDir(), await tempDir()];
    for (const dir of [old, now]) await cp(join(SCHEMAS, "models"), join(dir, "models"), { recursive: true });
    await editModel(now, SEED, { schema: (s) => s.required.push("seed") });
    const result = await cli(["diff", old, now, "--format", "json"]);
    expect(result.err).toBe("");
    expect(JSON.parse(result.out).changes.map((c: { model: string; rule: string }) => [c.model, c.rule])).toEqual([[SEED, "property-became-required"]]);
  });

  it("classifies changes to the envelope schemas the runtime uses when both sides have hub-openapi.json", async () => {
    const dir = await snapshotCopy();
    const path = join(dir, "hub-openapi.json");
    const hub = JSON.parse(await readFile(path, "utf8"));
    const schemas = hub.components.schemas;
    delete schemas.QueueCreateResponse.properties[Object.keys(schemas.QueueCreateResponse.properties)[0]!];
    schemas.QueueCreateResponse.properties.eta_seconds = { type: "integer" };
    await writeFile(path, JSON.stringify(hub));
    const { changes } = JSON.parse((await cli(["diff", SCHEMAS, dir, "--format", "json"])).out);
    expect(changes.map((c: { model: string; rule: string; level: string }) => [c.model, c.rule, c.level])).toEqual([
      ["envelope: POST /api/ai/queue", "response-property-removed", "breaking"],
      ["envelope: POST /api/ai/queue", "response-property-added", "feature"],
    ]);
  });

  it("exits 2 for a folder without models/", async () => {
    const dir = await snapshotCopy();
    expect((await cli(["diff", join(dir, "nowhere"), dir])).err).toBe(`oxen-contracts diff: ${join(dir, "nowhere", "models")}: no such folder (a snapshot holds models/<id>.json files)`);
  });

  it("reads git:<ref> from this repository", async () => {
    const result = await cli(["diff", "git:HEAD", "git:HEAD", "--fail-on", "docs"]);
    expect(result).toEqual({ code: 0, out: "no changes", err: "" });
    expect(await cli(["diff", "git:no-such-ref"])).toMatchObject({ code: 2, err: "oxen-contracts diff: git:no-such-ref: cannot read schemas/ at that ref (fatal: not a valid object name: no-such-ref:schemas)" });
    expect((await cli(["diff", "git:--output=x"])).err).toBe("oxen-contracts diff: git:--output=x: expected a git ref, e.g. git:HEAD or git:v1.2.0");
  });

  it("loads schemas/ at any git ref of a repository", async () => {
    const repo = await tempDir();
    const git = (...args: string[]) => promisify(execFile)("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: repo });
    await git("init", "-q");
    await cp(SCHEMAS, join(repo, "schemas"), { recursive: true });
    await git("add", "schemas");
    await git("commit", "-q", "-m", "one");
    await editModel(join(repo, "schemas"), SEED, { schema: (s) => (s.properties.num_frames.maximum = 100) });
    await git("commit", "-q", "-am", "two");
    const [one, two] = await Promise.all([loadSide("git:HEAD~1", { cwd: repo, live: noLive }), loadSide("git:HEAD", { cwd: repo, live: noLive })]);
    expect(one).toHaveLength(31);
    const max = (models: typeof one) => (models.find((m) => m.id === SEED)!.schema!.properties as any).num_frames.maximum;
    expect([max(one), max(two)]).toEqual([481, 100]);
  });
});
