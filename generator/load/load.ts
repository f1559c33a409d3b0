import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../cli/errors.js";
import { parseModel, type ModelContract } from "./model.js";
import { assignNames } from "../emit/names.js";

export interface Snapshot {
  /** Sorted by id. */
  models: ModelContract[];
  /** Oxen's OpenAPI document, for the envelope types. */
  hubOpenapi: Record<string, unknown>;
}

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    // Synchronous: reading a thousand small files this way took a fraction of the time.
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`${label}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${label}: not valid JSON (${(error as Error).message})`);
  }
}

/** Reads a snapshot folder: `models/*.json` (one model object each) and `hub-openapi.json`. */
export async function loadSnapshot(dir: string): Promise<Snapshot> {
  let files: string[];
  try {
    files = readdirSync(join(dir, "models")).filter((f) => f.endsWith(".json")).sort();
  } catch {
    throw new InputError(`${join(dir, "models")}: no such folder (a snapshot holds models/<id>.json files)`);
  }
  const models: ModelContract[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const label = join(dir, "models", file);
    const model = parseModel(readJson(label, label), label);
    const other = seen.get(model.id);
    if (other !== undefined) throw new InputError(`${label}: model id "${model.id}" is also defined in ${other}`);
    seen.set(model.id, label);
    models.push(model);
  }
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  try {
    assignNames(models.map((m) => m.id));
  } catch (error) {
    throw new InputError(`${join(dir, "models")}: ${(error as Error).message}`);
  }
  const hubPath = join(dir, "hub-openapi.json");
  const hub = readJson(hubPath, hubPath);
  if (hub === null || typeof hub !== "object" || Array.isArray(hub)) throw new InputError(`${hubPath}: expected an OpenAPI document (a JSON object)`);
  return { models, hubOpenapi: hub as Record<string, unknown> };
}
