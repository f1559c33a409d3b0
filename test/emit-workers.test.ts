// Emitting on worker threads changes nothing a user sees: the same files in the same order, and a
// model whose emit throws is still reported on its own, with its file and pointer.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitAll } from "../generator/emit/emit-all.js";
import { generationInput } from "../generator/load/check-models.js";
import { modelObject, snapshotWith } from "./generate-support.js";
import { SCHEMAS } from "./helpers.js";

// Passes the load stage's checks, then makes Ajv throw while compiling (a length must be a whole number).
const crashing = modelObject("crashes-ajv", { type: "object", properties: { prompt: { type: "string", minLength: 1.5 } } });

describe("emitAll on worker threads", () => {
  it("gives the files and failures of one thread, byte for byte", async () => {
    const models: Record<string, unknown> = { "crashes-ajv.json": crashing };
    for (const name of await readdir(join(SCHEMAS, "models"))) models[name] = JSON.parse(await readFile(join(SCHEMAS, "models", name), "utf8"));
    const dir = await snapshotWith(models);
    const { snapshot } = await generationInput(join(dir, "schemas"));
    const out = join(dir, "generated");

    const one = await emitAll(snapshot, out, undefined, [], undefined, 1);
    const two = await emitAll(snapshot, out, undefined, [], undefined, 2);

    expect(one.failures).toEqual([expect.objectContaining({ model: "crashes-ajv", at: "json_request_schema#/properties/prompt/minLength" })]);
    expect(two.failures).toEqual(one.failures);
    expect([...two.files.keys()]).toEqual([...one.files.keys()]);
    expect([...two.files]).toEqual([...one.files]);
    // Three files per model but the failed one, plus hub, index, all-models and marker.
    expect(two.files.size).toBe(3 * (snapshot.models.length - 1) + 4);
  }, 120_000);
});
