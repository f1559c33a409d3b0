// Overlays: the Pro audio-to-video model's page says prompt is "Required if image is not
// provided", which its schema cannot say; schemas/overlays/ltx-2-3-pro-audio-to-video.json does.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as pro from "../generated/models/ltx-2-3-pro-audio-to-video.js";
import { validate } from "../generated/all-models.js";
import { cli, snapshotCopy } from "./fetch-support.js";
import { generateProcess, ROOT, typeErrors } from "./generate-support.js";
import { SCHEMAS, tempDir } from "./helpers.js";

const ID = "ltx-2-3-pro-audio-to-video";
const AUDIO = "https://example.com/a.mp3";
const MESSAGE = "prompt or input_image is required";

/** Type errors of a module that calls the Pro model's functions with `body`. */
async function compileCall(body: string): Promise<string[]> {
  const dir = await tempDir();
  const file = join(dir, "call.ts");
  const target = join(ROOT, "generated", "models", `${ID}.js`);
  await writeFile(file, `import { enqueue, type Ltx23ProAudioToVideoInput } from ${JSON.stringify(target)};\nexport const body: Ltx23ProAudioToVideoInput = ${body};\nexport const call = () => enqueue(${body});\n`);
  return typeErrors([file]).filter((e) => e.startsWith(file));
}

/** A copy of the snapshot whose Pro model is edited by `edit` (each request-schema field). */
async function editedSnapshot(edit: (schema: Record<string, any>) => void): Promise<string> {
  const dir = await tempDir();
  await cp(SCHEMAS, join(dir, "schemas"), { recursive: true });
  const path = join(dir, "schemas", "models", `${ID}.json`);
  const model = JSON.parse(await readFile(path, "utf8"));
  for (const field of ["json_request_schema", "request_schema"]) edit(model[field]);
  await writeFile(path, `${JSON.stringify(model, null, 2)}\n`);
  return dir;
}

describe("the Pro model's prompt-or-image rule", () => {
  it("rejects { input_audio } alone at compile time, and accepts it with a prompt or an image", async () => {
    const errors = await compileCall(`{ input_audio: ${JSON.stringify(AUDIO)} }`);
    expect(errors).toHaveLength(2); // the typed constant and the call
    for (const error of errors) expect(error).toMatch(/Property '(prompt|input_image)' is missing/);
    expect(await compileCall(`{ prompt: "a drummer", input_audio: ${JSON.stringify(AUDIO)} }`)).toEqual([]);
    expect(await compileCall(`{ input_image: "https://example.com/face.png", input_audio: ${JSON.stringify(AUDIO)} }`)).toEqual([]);
  }, 60_000);

  it("rejects { input_audio } alone at run time with one message", () => {
    const expected = { ok: false, errors: [{ path: "", keyword: "required", params: { missingProperty: ["prompt", "input_image"] }, message: MESSAGE }] };
    expect(pro.validate({ input_audio: AUDIO })).toEqual(expected);
    expect(validate(ID, { input_audio: AUDIO }, { allowUnknown: true })).toEqual(expected);
    expect(pro.validate({ prompt: "a drummer", input_audio: AUDIO })).toEqual({ ok: true });
    expect(pro.validate({ input_image: "https://example.com/face.png", input_audio: AUDIO })).toEqual({ ok: true });
    // Other errors keep their own messages; the rule's message joins them only when it fails.
    expect(pro.validate({})).toEqual({ ok: false, errors: [expect.objectContaining({ message: MESSAGE }), expect.objectContaining({ message: "input_audio is required" })] });
    // A prompt that is there but wrong is that one error, not also "input_image is required".
    expect(pro.validate({ prompt: 5, input_audio: AUDIO })).toEqual({ ok: false, errors: [expect.objectContaining({ path: "prompt", keyword: "type", message: "prompt must be a string (got 5)" })] });
  });

  it("still rejects a key nothing declares, with a did-you-mean", () => {
    expect(pro.validate({ promt: "a drummer", input_image: "https://example.com/face.png", input_audio: AUDIO })).toMatchObject({ ok: false, errors: [{ path: "promt", message: "promt is not a known parameter; did you mean prompt?" }] });
  });

  it("is said in the model's documentation", async () => {
    const text = await readFile(join(ROOT, "generated", "models", `${ID}.ts`), "utf8");
    const docs = [...text.matchAll(/\/\*\*\n((?: \*.*\n)+?) \*\/\nexport (?:type|const) (\w+)/g)].map(([, body, name]) => [name, body]);
    expect(docs.filter(([, body]) => body!.includes(MESSAGE)).map(([name]) => name)).toEqual(["Ltx23ProAudioToVideoInput", "model"]);
  });
});

describe("an overlay against a changed upstream", () => {
  it("that names a property the upstream no longer has: one line naming the overlay file and pointer; the other models still generate with --skip-invalid", async () => {
    const dir = await editedSnapshot((schema) => delete schema.properties.input_image);
    const strict = await generateProcess(dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trimEnd().split("\n").slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^  .*overlays[/\\\\]${ID}\\.json: model "${ID}": #/schema/anyOf/1/properties/input_image: the upstream request schema has no property "input_image" any more; review the overlay$`)),
    ]);
    const skipping = await generateProcess(dir, ["--skip-invalid"]);
    expect(skipping.code).toBe(0);
    expect(await readFile(join(dir, "generated", "index.ts"), "utf8")).toContain(`"file": "overlays/${ID}.json"`);
    expect(await readFile(join(dir, "generated", "all-models.ts"), "utf8")).toContain('["minimax-h3"]: MinimaxH3.ref');
  }, 120_000);

  it("whose reviewed text changed: a warning to re-review (an error with --strict), and diff reports it", async () => {
    const dir = await editedSnapshot((schema) => (schema.properties.prompt.description = "Text description of the video. Always required."));
    const run = await generateProcess(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^warning: .*overlays[/\\\\]${ID}\\.json: model "${ID}": #/reviewed/~1properties~1prompt: the upstream /properties/prompt changed since this overlay was reviewed; re-review it and set the hash to [0-9a-f]{64}$`, "m"));
    expect((await generateProcess(dir, ["--strict"])).code).toBe(1);

    const diff = await cli(["diff", SCHEMAS, join(dir, "schemas"), "--format", "json"]);
    expect(JSON.parse(diff.out).changes).toEqual([
      expect.objectContaining({ model: ID, rule: "overlay-upstream-changed", level: "behavior", path: "/properties/prompt" }),
      expect.objectContaining({ model: ID, rule: "description-changed", path: "/properties/prompt/description" }),
    ]);
  }, 120_000);

  it("whose model is gone: a warning that blocks nothing (an error with --strict)", async () => {
    const dir = await editedSnapshot(() => {});
    await rm(join(dir, "schemas", "models", `${ID}.json`));
    const run = await generateProcess(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^warning: .*overlays[/\\\\]${ID}\\.json: no model of the snapshot has this file name, so this overlay applies to nothing`, "m"));
    expect((await generateProcess(dir, ["--strict"])).code).toBe(1);
  }, 120_000);

  it("is kept by fetch, which replaces the rest of the snapshot", async () => {
    const { startTestServer, CANARY_KEY } = await import("./helpers.js");
    const server = await startTestServer({ schemasDir: SCHEMAS });
    try {
      const target = await snapshotCopy();
      const overlay = await readFile(join(target, "overlays", `${ID}.json`), "utf8");
      expect((await cli(["fetch", "--schemas", target], { OXEN_API_KEY: CANARY_KEY, OXEN_BASE_URL: server.url })).code).toBe(0);
      expect(await readFile(join(target, "overlays", `${ID}.json`), "utf8")).toBe(overlay);
    } finally {
      await server.close();
    }
  }, 60_000);
});
