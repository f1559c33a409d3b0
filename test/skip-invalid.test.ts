// One bad model never blocks the others: a snapshot with a model that crashes the emitters and one
// the checks refuse, among good ones. By default generate names both and writes nothing; with
// --skip-invalid it emits the rest and says what it left out, on stderr and in the index.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { SCHEMAS } from "./helpers.js";
import { generateProcess, modelObject, snapshotWith, typeErrors } from "./generate-support.js";

const good = async (id: string) => JSON.parse(await readFile(join(SCHEMAS, "models", `${id}.json`), "utf8"));
// Passes every check of the load stage and then makes Ajv throw while compiling (a length must be a whole number).
const crashing = modelObject("crashes-ajv", { type: "object", properties: { prompt: { type: "string", minLength: 1.5 } } });
const refused = modelObject("dangling-ref", { type: "object", properties: { image: { $ref: "#/definitions/ImageInput" } } });

async function snapshot(): Promise<string> {
  return snapshotWith({
    "minimax-h3.json": await good("minimax-h3"),
    "crashes-ajv.json": crashing,
    "ltx-2-3-quality-audio-to-video.json": await good("ltx-2-3-quality-audio-to-video"),
    "dangling-ref.json": refused,
  });
}

const CRASH_LINE = /crashes-ajv\.json: model "crashes-ajv": json_request_schema#\/properties\/prompt\/minLength: .*must be integer/;
const REFUSAL_LINE = /dangling-ref\.json: model "dangling-ref": json_request_schema#\/properties\/image\/\$ref: "#\/definitions\/ImageInput" points at nothing/;

describe("generate with bad models among good ones", () => {
  it("by default: exits 1 naming both, one line each, and writes nothing", async () => {
    const dir = await snapshot();
    const result = await generateProcess(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("2 problems; nothing was written (--skip-invalid generates the others):");
    // The load stage's refusals first, then what the emitters threw.
    expect(lines.slice(1)).toEqual([expect.stringMatching(REFUSAL_LINE), expect.stringMatching(CRASH_LINE)]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  }, 120_000);

  it("with --skip-invalid: emits the good ones (they type-check and validate), lists the others on stderr and as skippedModels, exits 0", async () => {
    const dir = await snapshot();
    const result = await generateProcess(dir, ["--skip-invalid"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(CRASH_LINE);
    expect(result.stderr).toMatch(REFUSAL_LINE);
    expect(result.stdout).toMatch(/^generated \d+ files in /);
    expect((await readdir(join(dir, "generated", "models"))).sort()).toEqual(["ltx-2-3-quality-audio-to-video.ts", "minimax-h3.ts"]);
    expect(typeErrors([join(dir, "generated", "all-models.ts")])).toEqual([]);

    const index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
    expect(Object.keys(index.models).sort()).toEqual(["ltx-2-3-quality-audio-to-video", "minimax-h3"]);
    expect(index.skippedModels).toEqual([
      { id: "dangling-ref", file: "models/dangling-ref.json", reason: expect.stringMatching(/^json_request_schema#\/properties\/image\/\$ref: /) },
      { id: "crashes-ajv", file: "models/crashes-ajv.json", reason: expect.stringMatching(/^json_request_schema#\/properties\/prompt\/minLength: /) },
    ]);
    expect(index.validate("minimax-h3", { prompt: "a fox" })).toEqual({ ok: true });
    expect(index.validate("crashes-ajv", {})).toMatchObject({ ok: false, errors: [{ message: 'unknown model "crashes-ajv"' }] });
  }, 120_000);

  it("with --skip-invalid and nothing wrong: an empty skippedModels and no stderr", async () => {
    const dir = await snapshotWith({ "minimax-h3.json": await good("minimax-h3") });
    const result = await generateProcess(dir, ["--skip-invalid"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(dir, "generated", "index.ts"), "utf8")).toContain("export const skippedModels: readonly { readonly id: string | null; readonly file: string; readonly reason: string }[] = [];");
  }, 120_000);

  it("with every model skipped: an index that still compiles, listing them", async () => {
    const dir = await snapshotWith({ "dangling-ref.json": refused });
    expect((await generateProcess(dir, ["--skip-invalid"])).code).toBe(0);
    expect(typeErrors([join(dir, "generated", "all-models.ts")])).toEqual([]);
    const index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
    expect(index.skippedModels.map((s: { id: string }) => s.id)).toEqual(["dangling-ref"]);
  }, 120_000);

  it("names a file that is no model at all, and still generates the others", async () => {
    const dir = await snapshotWith({ "broken.json": '{"id": "broken", ', "minimax-h3.json": await good("minimax-h3") });
    const result = await generateProcess(dir, ["--skip-invalid"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/broken\.json: not valid JSON/);
    const index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
    expect(index.skippedModels).toEqual([{ id: null, file: "models/broken.json", reason: expect.stringMatching(/^not valid JSON/) }]);
  }, 120_000);
});
