// The generate and validate commands as a user runs them: real processes, real folders.
import { cp, mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, runProcess, SCHEMAS, tempDir, type ProcessRun } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

/** `oxen-contracts <args>` as a user runs it, from the project at `cwd`. */
function run(cwd: string, args: string[], input?: string): Promise<ProcessRun> {
  return runProcess(process.execPath, [join(cwd, "bin", "oxen-contracts.js"), ...args], { cwd, input, env: { ...process.env, OXEN_CONTRACTS_DEBUG: "" } });
}

/** A working copy of the project (sources, templates, committed snapshot) sharing node_modules. */
async function project(): Promise<string> {
  const dir = await tempDir();
  for (const entry of ["bin", "cli", "generator", "runtime", "mock", "templates", "schemas", "generated", "package.json", "tsconfig.json"]) {
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** project(), with the paths the cache tests use: its cache folder, its output and one model's file. */
async function cachedProject(): Promise<{ dir: string; cache: string; out: string; model: string }> {
  const dir = await project();
  return { dir, cache: join(dir, "cache"), out: join(dir, "generated"), model: join(dir, "schemas", "models", "minimax-h3.json") };
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), "utf8");
  }
  return out;
}

describe("oxen-contracts generate", () => {
  it("--check passes on the committed output, then lists stale and extra files and exits 1", async () => {
    const dir = await project();
    expect(await run(dir, ["generate", "--check"])).toMatchObject({ code: 0 });
    await writeFile(join(dir, "generated", "models", "minimax-h3.ts"), "// edited by hand\n");
    await writeFile(join(dir, "generated", "stray.ts"), "export {};\n");
    const checked = await run(dir, ["generate", "--check"]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("models/minimax-h3.ts");
    expect(checked.stderr).toContain("stray.ts");
    expect(await readFile(join(dir, "generated", "stray.ts"), "utf8")).toBe("export {};\n");
  }, 60_000);

  it("leaves the previous output untouched when a schema is malformed, naming the file and field", async () => {
    const dir = await project();
    const before = await tree(join(dir, "generated"));
    const file = join(dir, "schemas", "models", "minimax-h3.json");
    const model = JSON.parse(await readFile(file, "utf8"));
    model.json_request_schema.properties.prompt.type = "text";
    await writeFile(file, JSON.stringify(model));
    const result = await run(dir, ["generate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/minimax-h3\.json: model "minimax-h3": json_request_schema#\/properties\/prompt\/type: unknown type "text"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await tree(join(dir, "generated"))).toEqual(before);
    expect((await readdir(dir)).filter((f) => f.startsWith(".generated"))).toEqual([]);
  }, 60_000);

  it("names the OpenAPI document and the pointer of a reference it will not follow, leaving the output untouched", async () => {
    const dir = await project();
    const before = await tree(join(dir, "generated"));
    const file = join(dir, "schemas", "hub-openapi.json");
    const hub = JSON.parse(await readFile(file, "utf8"));
    hub.components.schemas.Remote = { $ref: "https://example.com/remote.json" };
    await writeFile(file, JSON.stringify(hub));
    const result = await run(dir, ["generate", "--no-cache"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/hub-openapi\.json#\/components\/schemas\/Remote\/\$ref: only local references/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await tree(join(dir, "generated"))).toEqual(before);
  }, 60_000);

  it("works on another folder of model objects: the output type-checks and validate judges its bodies", async () => {
    const dir = await project();
    const models = join(dir, "schemas", "models");
    // Another snapshot: a subset of the corpus, one model with a changed bound, one with no schema.
    await rm(models, { recursive: true });
    await mkdir(models);
    const flux = JSON.parse(await readFile(join(SCHEMAS, "models", "flux-3-video.json"), "utf8"));
    const [name] = Object.entries(flux.json_request_schema.properties as Record<string, { type?: string }>).find(([, p]) => p.type === "integer")!;
    flux.json_request_schema.properties[name] = { type: "integer", minimum: 2, maximum: 3 };
    flux.request_schema = flux.json_request_schema;
    await writeFile(join(models, "flux.json"), JSON.stringify(flux));
    await writeFile(join(models, "bare.json"), JSON.stringify({ id: "Bare.Model/v1", display_name: "Bare", json_request_schema: null }));

    expect(await run(dir, ["generate"])).toMatchObject({ code: 0 });
    expect(await readdir(join(dir, "generated", "models"))).toEqual(["Bare.Model_2fv1.ts", "flux-3-video.ts"]);
    const tsc = await runProcess(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", dir], { cwd: dir });
    expect(tsc, tsc.stdout).toMatchObject({ code: 0, stdout: "" });

    const required = Object.fromEntries((flux.json_request_schema.required as string[]).map((r: string) => [r, "https://example.com/x.png"]));
    const ok = await run(dir, ["validate", "flux-3-video", "-"], JSON.stringify({ ...required, [name]: 3 }));
    expect(ok).toMatchObject({ code: 0, stdout: "valid: flux-3-video\n" });
    const bad = await run(dir, ["validate", "flux-3-video", "-"], JSON.stringify({ model: "flux-3-video", ...required, [name]: 4 }));
    expect(bad).toMatchObject({ code: 1, stdout: `${name} must be at most 3 (got 4)\n` });
    expect(await run(dir, ["validate", "Bare.Model/v1", "-"], "{}")).toMatchObject({ code: 0 });
    expect(await run(dir, ["validate", "Bare.Model/v1", "-"], '{"seed": 1}')).toMatchObject({ code: 1, stdout: "seed is not a known parameter\n" });
    expect(await run(dir, ["validate", "ltx-2-3-quality-audio-to-video", "-"], "{}")).toMatchObject({ code: 2 });
  }, 120_000);
});

describe("oxen-contracts generate --out", () => {
  /** `oxen-contracts <args>` under a given umask, as a shell user with that umask runs it. */
  function runWithUmask(cwd: string, umask: string, args: string[]): Promise<ProcessRun> {
    const command = ["umask", umask, "&&", "exec", JSON.stringify(process.execPath), JSON.stringify(join(cwd, "bin", "oxen-contracts.js")), ...args.map((a) => JSON.stringify(a))].join(" ");
    return runProcess("sh", ["-c", command], { cwd });
  }

  it("refuses a folder holding a file it did not write, and changes nothing there", async () => {
    const dir = await project();
    const src = join(dir, "src");
    await mkdir(src);
    await writeFile(join(src, "app.ts"), "export const mine = 1;\n");
    const result = await run(dir, ["generate", "--out", "src"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`oxen-contracts generate: ${src}: holds files generate did not write (app.ts); move them elsewhere, or choose a new or empty folder for --out. Nothing was changed\n`);
    expect(await readdir(src)).toEqual(["app.ts"]);
    expect(await readFile(join(src, "app.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect((await readdir(dir)).filter((f) => f.startsWith(".src"))).toEqual([]);
  }, 60_000);

  it("replaces its own previous output, but not once a user file was added to it", async () => {
    const dir = await project();
    const out = join(dir, "src", "generated");
    expect(await run(dir, ["generate", "--out", "src/generated"])).toMatchObject({ code: 0 });
    const marker = JSON.parse(await readFile(join(out, "oxen-contracts.json"), "utf8"));
    expect(marker.about).toContain("`oxen-contracts generate --out src/generated`");
    await rm(join(dir, "schemas", "models", "minimax-h3.json"));
    expect(await run(dir, ["generate", "--out", "src/generated"])).toMatchObject({ code: 0 });
    expect(await readdir(join(out, "models"))).not.toContain("minimax-h3.ts");

    await writeFile(join(out, "notes.md"), "mine\n");
    await rm(join(dir, "schemas", "models", "flux-3-video.json"));
    const refused = await run(dir, ["generate", "--out", "src/generated"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("holds files generate did not write (notes.md)");
    expect(await readdir(join(out, "models"))).toContain("flux-3-video.ts");
  }, 60_000);

  it("creates folders and files with the modes the umask gives", async () => {
    const dir = await project();
    for (const [umask, folderMode, fileMode] of [["022", 0o755, 0o644], ["027", 0o750, 0o640]] as const) {
      await rm(join(dir, "generated"), { recursive: true });
      expect(await runWithUmask(dir, umask, ["generate", "--no-cache"])).toMatchObject({ code: 0 });
      expect((await stat(join(dir, "generated"))).mode & 0o777).toBe(folderMode);
      expect((await stat(join(dir, "generated", "models"))).mode & 0o777).toBe(folderMode);
      expect((await stat(join(dir, "generated", "index.ts"))).mode & 0o777).toBe(fileMode);
    }
  }, 60_000);
});

describe("oxen-contracts generate with a cache", () => {
  it("emits only the models that changed, with the same bytes as a run without it", async () => {
    const { dir, cache, out } = await cachedProject();
    expect(await run(dir, ["generate", "--cache", cache])).toMatchObject({ code: 0, stdout: `${out}: up to date (97 files; 32 emitted, 0 reused)\n` });
    expect(await run(dir, ["generate", "--cache", cache])).toMatchObject({ code: 0, stdout: `${out}: up to date (97 files; 0 emitted, 32 reused)\n` });
    const untouched = (await stat(join(out, "models", "flux-3-video.ts"))).ino;

    const file = join(dir, "schemas", "models", "minimax-h3.json");
    const model = JSON.parse(await readFile(file, "utf8"));
    model.json_request_schema.properties.extra_seed = { type: "integer", description: "Added upstream." };
    await writeFile(file, JSON.stringify(model, null, 2));
    const changed = await run(dir, ["generate", "--cache", cache]);
    expect(changed.stdout).toBe(`generated 97 files in ${out} (5 changed; 1 emitted, 31 reused)\n`);
    expect(await readFile(join(out, "models", "minimax-h3.ts"), "utf8")).toContain("extra_seed?: number");
    expect((await stat(join(out, "models", "flux-3-video.ts"))).ino).toBe(untouched);

    await rename(out, join(dir, "cached"));
    expect(await run(dir, ["generate", "--no-cache"])).toMatchObject({ code: 0 });
    expect(await tree(out)).toEqual(await tree(join(dir, "cached")));
  }, 60_000);

  it("emits again a model whose output was edited or removed, and starts over from a broken manifest", async () => {
    const { dir, cache, out } = await cachedProject();
    await run(dir, ["generate", "--cache", cache]);
    const before = await tree(out);
    await writeFile(join(out, "models", "minimax-h3.ts"), "// edited by hand\n");
    await rm(join(out, "validators", "flux-3-video.js"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("(2 changed; 2 emitted, 30 reused)");
    expect(await tree(out)).toEqual(before);

    const [manifest] = await readdir(cache);
    for (const broken of ["{", "[1]", '{"fingerprint": 1}', '{"fingerprint": "x", "entries": null}']) {
      await writeFile(join(cache, manifest!), broken);
      expect((await run(dir, ["generate", "--cache", cache])).stdout, broken).toContain("(97 files; 32 emitted, 0 reused)");
    }
    expect(await tree(out)).toEqual(before);
  }, 60_000);

  it("says a run with nothing to change as a full one does, and runs in full once the snapshot, the output or the options differ", async () => {
    const { dir, cache, out, model } = await cachedProject();
    const raw = JSON.parse(await readFile(model, "utf8"));
    raw.json_request_schema.properties.prompt.deprecated_hint = "an unknown keyword"; // a warning on every run
    await writeFile(model, JSON.stringify(raw, null, 2));
    const first = await run(dir, ["generate", "--cache", cache]);
    expect(first.stderr).toMatch(/^warning: .*minimax-h3\.json.*deprecated_hint/);
    const again = await run(dir, ["generate", "--cache", cache]);
    expect(again).toMatchObject({ code: 0, stdout: `${out}: up to date (97 files; 0 emitted, 32 reused)\n`, stderr: first.stderr });
    const before = await tree(out);

    // An output file edited to the same length, and one added: as without a record, restored and refused.
    const edited = join(out, "models", "flux-3-video.ts");
    const text = await readFile(edited, "utf8");
    await writeFile(edited, text.replace("Generated", "Xenerated"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("(1 changed; 1 emitted, 31 reused)");
    expect(await tree(out)).toEqual(before);
    await writeFile(join(out, "mine.ts"), "export {};\n");
    expect((await run(dir, ["generate", "--cache", cache])).code).toBe(2);
    await rm(join(out, "mine.ts"));

    // The same JSON written differently is read in full, and the same output results.
    await writeFile(model, JSON.stringify(raw));
    expect(await run(dir, ["generate", "--cache", cache])).toMatchObject({ code: 0, stdout: `${out}: up to date (97 files; 0 emitted, 32 reused)\n`, stderr: first.stderr });
    // Other options are another run: --strict makes the warning an error.
    expect((await run(dir, ["generate", "--cache", cache, "--strict"])).code).toBe(1);
    expect(await tree(out)).toEqual(before);
  }, 60_000);

  it("never serves a model file's old record: changed bytes are checked and emitted again, as a run without the cache emits them", async () => {
    const { dir, cache, out, model } = await cachedProject();
    const original = await readFile(model, "utf8");
    const raw = JSON.parse(original);
    raw.json_request_schema.properties.prompt.deprecated_hint = "an unknown keyword";
    await writeFile(model, JSON.stringify(raw, null, 2));
    const first = await run(dir, ["generate", "--cache", cache]);
    expect(first.stderr).toMatch(/^warning: .*minimax-h3\.json.*deprecated_hint/);
    // What a run without the cache would write: --check compares the output with it, byte for byte.
    const matchesFullRun = async (): Promise<void> => expect((await run(dir, ["generate", "--check", "--no-cache", "--skip-invalid"])).code).toBe(0);

    // Another model changes: this one is known by its record, and its warning is said again from it.
    const other = join(dir, "schemas", "models", "flux-3-video.json");
    const otherRaw = JSON.parse(await readFile(other, "utf8"));
    otherRaw.display_name = "FLUX 3 Video, renamed";
    await writeFile(other, JSON.stringify(otherRaw, null, 2));
    const second = await run(dir, ["generate", "--cache", cache]);
    expect(second).toMatchObject({ code: 0, stderr: first.stderr });
    expect(second.stdout).toContain("1 emitted, 31 reused");
    expect(await readFile(join(out, "models", "flux-3-video.ts"), "utf8")).toContain("FLUX 3 Video, renamed");
    await matchesFullRun();

    // This model's bytes change: a parameter's description, then its schema made unusable, then back.
    raw.json_request_schema.properties.prompt.description = "A changed prompt description.";
    await writeFile(model, JSON.stringify(raw, null, 2));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("1 emitted, 31 reused");
    expect(await readFile(join(out, "models", "minimax-h3.ts"), "utf8")).toContain("A changed prompt description.");
    await matchesFullRun();
    // A file the last run kept (linked over, unread), then edited to the same length: not trusted, emitted again.
    const kept = join(out, "validators", "flux-3-video.js");
    const keptText = await readFile(kept, "utf8");
    await writeFile(kept, keptText.replace("Generated", "Xenerated"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("(1 changed; 1 emitted, 31 reused)");
    expect(await readFile(kept, "utf8")).toBe(keptText);
    // The index files below their header are taken from the output only while they are as written: edited, they are rendered again.
    const index = join(out, "all-models.ts");
    const indexText = await readFile(index, "utf8");
    raw.json_request_schema.properties.prompt.description = "Another prompt description.";
    await writeFile(model, JSON.stringify(raw, null, 2));
    await writeFile(index, indexText.replace("export const models", "export const modelz"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("1 emitted, 31 reused");
    expect(await readFile(index, "utf8")).toContain("export const models");
    await matchesFullRun();
    raw.json_request_schema.properties.prompt.type = "no such type";
    await writeFile(model, JSON.stringify(raw, null, 2));
    const refused = await run(dir, ["generate", "--cache", cache, "--skip-invalid"]);
    expect(refused.stderr).toMatch(/minimax-h3\.json.*#\/properties\/prompt\/type/);
    expect(await readdir(join(out, "models"))).not.toContain("minimax-h3.ts");
    await matchesFullRun();
    await writeFile(model, original);
    expect((await run(dir, ["generate", "--cache", cache])).stderr).toBe("");
    expect(await readFile(join(out, "models", "minimax-h3.ts"), "utf8")).not.toContain("A changed prompt description.");
    await matchesFullRun();
  }, 120_000);

  it("sees a snapshot file or template edited to the same size after a run that recorded its stamp", async () => {
    const { dir, cache, out, model } = await cachedProject();
    const original = await readFile(model, "utf8");
    // Files changed within two seconds of a run are read by the next one whatever their stamps: let the copy settle.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await run(dir, ["generate", "--cache", cache]);
    const { size, mtimeMs } = await stat(model);
    const at = original.lastIndexOf('"Describe the video'); // in json_request_schema, which the output is made from
    const edited = `${original.slice(0, at)}"X${original.slice(at + 1)}`;
    await writeFile(model, edited.replace(/ {2}"/, ' "')); // one character in, one indent character out
    expect((await stat(model)).size).toBe(size);
    expect((await stat(model)).mtimeMs).not.toBe(mtimeMs);
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("1 emitted, 31 reused");
    expect(await readFile(join(out, "models", "minimax-h3.ts"), "utf8")).toContain("XDescribe the video");
    expect(await run(dir, ["generate", "--check", "--no-cache"])).toMatchObject({ code: 0 });
    // So is one of the generator's own files (a template), whose stamp the cache keeps for its fingerprint.
    const template = join(dir, "templates", "model.ts.hbs");
    await writeFile(template, (await readFile(template, "utf8")).replace("lower-case namespace", "lower-case Namespace"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("32 emitted, 0 reused");
    expect(await readFile(join(out, "models", "minimax-h3.ts"), "utf8")).toContain("lower-case Namespace");
  }, 60_000);

  it("checks a request schema it has not seen against its meta-schema, though the cache holds the verdicts on the others", async () => {
    const { dir, cache, model } = await cachedProject();
    expect((await run(dir, ["generate", "--cache", cache])).code).toBe(0);
    const original = await readFile(model, "utf8");
    const raw = JSON.parse(original);
    raw.json_request_schema.properties.prompt.minLength = -1;
    await writeFile(model, JSON.stringify(raw, null, 2));
    const refused = await run(dir, ["generate", "--cache", cache, "--skip-invalid"]);
    expect(refused.stderr).toMatch(/minimax-h3\.json: model "minimax-h3": json_request_schema#\/properties\/prompt\/minLength: .*the schema is invalid/);
    // The schema seen valid before: emitted from its verdict, to the bytes a run without the cache writes.
    await writeFile(model, original.replace("Describe the video content", "Describe the video's content"));
    expect((await run(dir, ["generate", "--cache", cache])).stdout).toContain("1 emitted, 31 reused");
    expect(await run(dir, ["generate", "--check", "--no-cache"])).toMatchObject({ code: 0 });
  }, 60_000);

  it("emits every model again after the generator changes", async () => {
    const { dir, cache } = await cachedProject();
    await run(dir, ["generate", "--cache", cache]);
    const template = join(dir, "templates", "model.ts.hbs");
    await writeFile(template, `${await readFile(template, "utf8")}// changed template\n`);
    const result = await run(dir, ["generate", "--cache", cache]);
    expect(result.stdout).toContain("(31 changed; 32 emitted, 0 reused)"); // every model module; the validators and index are the same bytes
    expect(await readFile(join(dir, "generated", "models", "minimax-h3.ts"), "utf8")).toMatch(/\/\/ changed template\n$/);
  }, 60_000);
});

describe("oxen-contracts validate", () => {
  const id = "ltx-2-3-quality-audio-to-video";

  it("reads a file, accepts the wire form with its model key, and prints JSON on request", async () => {
    const dir = await tempDir();
    const file = join(dir, "body.json");
    await writeFile(file, JSON.stringify({ model: id, prompt: "p", input_audio: "https://example.com/a.mp3", num_frames: 600 }));
    const result = await run(ROOT, ["validate", id, file, "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      errors: [{ path: "num_frames", keyword: "maximum", params: { comparison: "<=", limit: 481 }, message: "num_frames must be at most 481 (got 600)" }],
    });
  });

  it("exits 2 with one line for an unknown model, a missing file and bad JSON", async () => {
    for (const [args, input, pattern] of [
      [["validate", "no-such-model", "-"], "{}", /unknown model "no-such-model"/],
      [["validate", id, "/no/such/file.json"], undefined, /\/no\/such\/file\.json: cannot read \(ENOENT\)/],
      [["validate", id, "-"], "{not json", /standard input: not valid JSON/],
      [["validate", id], undefined, /expected a model id and a file/],
    ] as const) {
      const result = await run(ROOT, [...args], input);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
    }
  });

  it("prints help for every command", async () => {
    for (const command of ["generate", "validate", "import"]) {
      const result = await run(ROOT, [command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`oxen-contracts ${command}`);
    }
  });
});

describe("the snapshot", () => {
  it("holds one model per file, named by its id, and documented examples for each", async () => {
    const files = (await readdir(join(SCHEMAS, "models"))).sort();
    expect(files.length).toBeGreaterThanOrEqual(31);
    for (const f of files) expect(`${JSON.parse(await readFile(join(SCHEMAS, "models", f), "utf8")).id}.json`).toBe(f);
    expect((await readdir(EXAMPLES)).filter((f) => f.endsWith(".json")).sort()).toEqual(files);
  });

  it("locks each model's schema hash and source", async () => {
    const lock = JSON.parse(await readFile(join(SCHEMAS, "lock.json"), "utf8"));
    const { loadSnapshot } = await import("../generator/load/load.js");
    const { schemaHash } = await import("../generator/snapshot/canonical.js");
    const { requestSchemaOf } = await import("../generator/load/model.js");
    const { models } = await loadSnapshot(SCHEMAS);
    expect(Object.keys(lock.models)).toEqual(models.map((m) => m.id));
    for (const m of models) expect(lock.models[m.id]).toMatchObject({ schemaSha256: schemaHash(requestSchemaOf(m.raw)), file: `models/${m.id}.json` });
  });
});
