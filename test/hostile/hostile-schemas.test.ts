// Untrusted schemas: every hostile case either becomes code that compiles, behaves as the schema
// says and reproduces every string exactly, or is refused with the model (or file) and JSON path
// named, leaving the output folder as it was. Nothing is written outside it, nothing fetched.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCommand } from "../../generator/commands/generate.js";
import { assignNames } from "../../generator/emit/names.js";
import { typeErrors } from "../generate-support.js";
import { SCHEMAS, tempDir } from "../helpers.js";
import { ACCEPTED, CLASHING_IDS, HOSTILE, REFUSED, model } from "./cases.js";

const ROOT = join(import.meta.dirname, "..", "..");

async function treeHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    hash.update(join(e.parentPath, e.name)).update(await readFile(join(e.parentPath, e.name)));
  }
  return hash.digest("hex");
}

/** A snapshot folder holding `files` (name → text) and Oxen's OpenAPI document. */
async function snapshotOf(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "schemas", "models"), { recursive: true });
  await copyFile(join(SCHEMAS, "hub-openapi.json"), join(dir, "schemas", "hub-openapi.json"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "schemas", "models", name), text);
  return dir;
}

/** Runs generate over `dir/schemas` into `dir/generated`, as the CLI does; rejects with what it printed when it fails. */
async function generate(dir: string): Promise<void> {
  const err: string[] = [];
  const io = { out: () => {}, err: (line: string) => err.push(line), stdin: async () => "", interactive: false, env: {} };
  const code = await generateCommand(["--schemas", join(dir, "schemas"), "--out", join(dir, "generated"), "--no-cache"], io);
  if (code !== 0) throw new Error(err.join("\n"));
}

const repoBefore: Record<string, string> = {};
beforeAll(async () => {
  for (const f of ["generated", "schemas"]) repoBefore[f] = await treeHash(join(ROOT, f));
});
afterAll(async () => {
  for (const f of ["generated", "schemas"]) expect(await treeHash(join(ROOT, f)), `${f}/ changed`).toBe(repoBefore[f]);
});

describe("hostile schemas that must work", () => {
  const fetchSpy = vi.spyOn(globalThis, "fetch");

  it.each(Object.entries(ACCEPTED))("%s: generates code that compiles and reproduces every string", async (_what, models) => {
    const dir = await snapshotOf(Object.fromEntries(models.map((m, i) => [`${i}.json`, JSON.stringify(m)])));
    await generate(dir);
    expect((await readdir(dir)).sort()).toEqual(["generated", "schemas"]);

    expect(typeErrors([join(dir, "generated", "all-models.ts")])).toEqual([]);

    const index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
    const names = assignNames(models.map((m) => m.id as string));
    for (const m of models) {
      const id = m.id as string;
      const mod = await import(pathToFileURL(join(dir, "generated", "models", `${names.get(id)!.stem}.ts`)).href);
      expect(mod.model.id).toBe(id);
      expect(mod.model.displayName).toBe(m.display_name);
      expect(mod.model.summary).toBe(m.summary);
      expect(Object.hasOwn(index.models, id)).toBe(true);
      expect((await index.loadModel(id)).model.id).toBe(id);
      const schema = m.json_request_schema as { properties: Record<string, { default?: unknown; enum?: unknown[]; type?: string }>; required?: string[]; basic?: unknown[] };
      const defaults = Object.fromEntries(Object.entries(schema.properties).flatMap(([k, p]) => (p.default === undefined ? [] : [[k, p.default]])));
      expect(mod.model.defaults).toStrictEqual(defaults);
      expect([...mod.model.basic]).toEqual(schema.basic ?? []);
      // The validator knows every property by its exact name, and every enum value exactly.
      const body = Object.fromEntries((schema.required ?? []).map((k) => [k, schema.properties[k]!.enum?.[0] ?? "text"]));
      expect(mod.validate(body)).toEqual({ ok: true });
      for (const [name, p] of Object.entries(schema.properties)) {
        const free = p.enum === undefined && (p as { pattern?: string }).pattern === undefined && (p as { format?: string }).format === undefined;
        if (p.type === "string" && free) expect(mod.validate({ ...body, [name]: HOSTILE }), name).toEqual({ ok: true });
        for (const value of p.enum ?? []) expect(mod.validate({ ...body, [name]: value }), `${name} = ${String(value).slice(0, 20)}`).toEqual({ ok: true });
        if (p.enum !== undefined) expect(mod.validate({ ...body, [name]: `${String(p.enum[0])} ` }).ok).toBe(false);
      }
      expect(mod.validate({ ...body, [`${Object.keys(schema.properties)[0]}_`]: 1 }).ok).toBe(false);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  }, 120_000);
});

describe("hostile schemas that must be refused", () => {
  it.each(REFUSED)("%s: a clear error, and the previous output untouched", async (_what, text, message) => {
    const dir = await snapshotOf({ "good.json": JSON.stringify(model("good", { type: "object", properties: {} })) });
    await generate(dir);
    const before = await treeHash(join(dir, "generated"));
    await writeFile(join(dir, "schemas", "models", "bad.json"), text);
    await expect(generate(dir)).rejects.toThrow(message);
    await expect(generate(dir)).rejects.toThrow(/bad\.json|model "/);
    expect(await treeHash(join(dir, "generated"))).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(["generated", "schemas"]);
  });

  it("refuses two ids that share a file name, naming both", async () => {
    const dir = await snapshotOf(Object.fromEntries(CLASHING_IDS.map((id, i) => [`${i}.json`, JSON.stringify(model(id, null))])));
    await expect(generate(dir)).rejects.toThrow(/"Model-A" and "model-a" map to the same file name/);
  });

  it("refuses a second file for the same id, naming both files", async () => {
    const dir = await snapshotOf({ "a.json": JSON.stringify(model("same", null)), "b.json": JSON.stringify(model("same", null)) });
    await expect(generate(dir)).rejects.toThrow(/b\.json: model "same": this id is also defined in .*a\.json/);
  });
});
