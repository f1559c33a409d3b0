// `oxen-contracts diff` as a user runs it: sources, formats, exit codes, bad input.
import { execFile } from "node:child_process";
import { cp, writeFile } from "node:fs/promises";
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

  it("prints markdown for a pull request", async () => {
    const dir = await edited((s) => s.required.push("seed"));
    const result = await cli(["diff", SCHEMAS, dir, "--format", "markdown"]);
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

  it("exits 2 naming the file for unreadable input", async () => {
    const dir = await snapshotCopy();
    await writeFile(join(dir, "models", "broken.json"), "{ not json");
    const result = await cli(["diff", SCHEMAS, dir]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(new RegExp(`^oxen-contracts diff: ${join(dir, "models", "broken.json")}: not valid JSON`));
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
