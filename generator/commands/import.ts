import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse, type Io } from "../../cli/args.js";
import { InputError } from "../../cli/errors.js";
import { parseModel } from "../load/model.js";
import { readLock, readOverlays, snapshotFiles, type SnapshotEntry } from "../snapshot/lock.js";
import { writeFolder } from "../write/write.js";

export const usage = "oxen-contracts import <folder> --hub FILE [--schemas DIR]";
const help = `${usage}

Makes a snapshot from model objects saved as files (one JSON model object per file, as
GET /api/ai/models/{id} returns it), kept byte for byte, and an OpenAPI document. Writes
models/, hub-openapi.json and lock.json; all or nothing.

  --hub FILE     Oxen's OpenAPI document
  --schemas DIR  the snapshot folder to write; default schemas/`;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { hub: { type: "string" }, schemas: { type: "string" } }, usage);
  if (values.help) return io.out(help), 0;
  const [from] = positionals;
  if (from === undefined || values.hub === undefined) throw new InputError(`expected a folder and --hub\nusage: ${usage}`);
  const fetchedAt = new Date().toISOString();
  const files = (await readdir(from).catch(() => throwInput(`${from}: cannot read the folder`))).filter((f) => f.endsWith(".json")).sort();
  const entries: SnapshotEntry[] = [];
  for (const file of files) {
    const path = join(from, file);
    const text = await readFile(path, "utf8");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    entries.push({ model: parseModel(value, path), text, source: path, fetchedAt });
  }
  const hubText = await readFile(values.hub, "utf8").catch(() => throwInput(`${values.hub}: cannot read`));
  const dir = resolve(values.schemas ?? "schemas");
  writeFolder(dir, snapshotFiles(entries, { text: hubText, source: values.hub, fetchedAt }, await readLock(dir), await readOverlays(dir)));
  io.out(`imported ${entries.length} models into ${dir}`);
  return 0;
}

function throwInput(message: string): never {
  throw new InputError(message);
}
