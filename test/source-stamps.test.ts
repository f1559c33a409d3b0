// The snapshot files a run trusts by their stamps (generator/write/unchanged.ts, runInput): a file
// as the last run recorded it is not read again; an edit, even to the same size with its
// modification time set back, or a replacement, is read.
import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceHash } from "../generator/load/recall.js";
import { runInput } from "../generator/write/unchanged.js";
import { tempDir } from "./helpers.js";

const hashOf = (path: string): string => sourceHash(readFileSync(path));
/** Every file counts as settled: the tests need not wait out the margin for coarse timestamps. */
const later = (): number => Date.now() + 60_000;
const LONG_AGO = 1_700_000_000;

async function snapshot(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "models"));
  writeFileSync(join(dir, "models", "a.json"), '{"id":"a"}');
  writeFileSync(join(dir, "models", "b.json"), '{"id":"b"}');
  // Whole seconds, which a file's times can be set back to exactly.
  for (const name of ["a", "b"]) utimesSync(join(dir, "models", `${name}.json`), LONG_AGO, LONG_AGO);
  return dir;
}

describe("snapshot files trusted by their stamps", () => {
  it("takes an unchanged file's hash from the record, and reads a file edited to the same size or replaced", async () => {
    const dir = await snapshot();
    const [a, b] = [join(dir, "models", "a.json"), join(dir, "models", "b.json")];
    const first = runInput({}, dir, {}, later())!;
    expect(first.sources.get("models/a.json")).toBe(hashOf(a));
    expect(Object.keys(first.stamps).sort()).toEqual(["models/a.json", "models/b.json"]);

    // A record whose hash differs from the bytes shows which files were taken on trust.
    const marked = { ...first.stamps, "models/a.json": [...first.stamps["models/a.json"]!.slice(0, 4), "recorded"] as [number, number, number, number, string] };
    const trusted = runInput({}, dir, marked, later())!;
    expect(trusted.sources.get("models/a.json")).toBe("recorded");
    expect(trusted.input).not.toBe(first.input);

    // Edited to the same size, its modification time then set back to the recorded one: the change time still differs.
    writeFileSync(a, '{"id":"A"}');
    utimesSync(a, LONG_AGO, LONG_AGO);
    expect(statSync(a).mtimeMs).toBe(marked["models/a.json"]![1]);
    expect(runInput({}, dir, marked, later())!.sources.get("models/a.json")).toBe(hashOf(a));

    // Replaced by another file of the same size and times: another inode.
    const other = join(dir, "b.new");
    writeFileSync(other, '{"id":"B"}');
    utimesSync(other, LONG_AGO, LONG_AGO);
    const bMarked = { ...first.stamps, "models/b.json": [...first.stamps["models/b.json"]!.slice(0, 4), "recorded"] as [number, number, number, number, string] };
    renameSync(other, b);
    expect(runInput({}, dir, bMarked, later())!.sources.get("models/b.json")).toBe(hashOf(b));
  });

  it("keeps no stamp of a file changed too recently for its times to tell a later edit apart", async () => {
    const dir = await snapshot();
    const read = runInput({}, dir, {}, Date.now() - 2000)!;
    expect(read.stamps).toEqual({});
    expect(read.sources.get("models/b.json")).toBe(hashOf(join(dir, "models", "b.json")));
  });
});
