// writeFolder replaces a folder whole: the new files in, the files it does not own carried over,
// the old folder gone without a trace beside it, whatever the old folder held.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, writeFolder } from "../generator/write/write.js";
import { tempDir } from "./helpers.js";

const owned = (path: string): boolean => !path.startsWith("mine/");

async function oldOutput(): Promise<{ parent: string; dir: string }> {
  const parent = await tempDir();
  const dir = join(parent, "out");
  writeFolder(dir, new Map([["index.ts", "old index"], ["models/a.ts", "a"], ["models/deep/b.ts", "b"], ["validators/a.js", "va"]]));
  await mkdir(join(dir, "mine"));
  await writeFile(join(dir, "mine", "notes.md"), "the user's");
  return { parent, dir };
}

describe("writeFolder", () => {
  it("replaces the files it owns, carries the others over, and leaves nothing beside the folder", async () => {
    const { parent, dir } = await oldOutput();
    const changed = writeFolder(dir, new Map([["index.ts", "new index"], ["models/a.ts", "a"]]), owned);
    expect(changed).toBe(3); // index.ts rewritten; models/deep/b.ts and validators/a.js gone
    expect(listFiles(dir)).toEqual(["index.ts", "mine/notes.md", "models/a.ts"]);
    expect(await readFile(join(dir, "index.ts"), "utf8")).toBe("new index");
    expect(await readFile(join(dir, "mine", "notes.md"), "utf8")).toBe("the user's");
    expect(await readdir(parent)).toEqual(["out"]);
  });

  it("removes an old folder that also holds what a listing of files does not show (an empty folder)", async () => {
    const { parent, dir } = await oldOutput();
    await mkdir(join(dir, "models", "empty"));
    const changed = writeFolder(dir, new Map([["index.ts", "new index"]]), owned);
    expect(changed).toBeGreaterThan(0);
    expect(listFiles(dir)).toEqual(["index.ts", "mine/notes.md"]);
    expect(await readdir(parent)).toEqual(["out"]);
  });
});
