// A generated validator is plain ESM: Node imports it with no bundler, no TypeScript loader and
// no CommonJS require, and it judges bodies there as it does here.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const VALIDATORS = join(import.meta.dirname, "..", "generated", "validators");

describe("generated validators", () => {
  it("import and run in plain Node ESM", async () => {
    const script = `
      const { validate } = await import(${JSON.stringify(join(VALIDATORS, "ltx-2-3-quality-audio-to-video.js"))});
      const ok = validate({ prompt: "p", input_audio: "https://example.com/a.mp3" });
      const bad = validate({ prompt: "p", input_audio: "no uri", num_frames: 600 });
      console.log(JSON.stringify([ok, bad, validate.errors.map((e) => e.keyword)]));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
    expect(JSON.parse(stdout)).toEqual([true, false, ["format", "maximum"]]);
  });

  it("contain no require, eval or Function constructor", async () => {
    const files = (await readdir(VALIDATORS)).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const code = await readFile(join(VALIDATORS, f), "utf8");
      expect(code, f).not.toMatch(/\brequire\s*\(|\beval\s*\(|new\s+Function\b/);
    }
  });
});
