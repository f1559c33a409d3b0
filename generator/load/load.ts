import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../cli/errors.js";
import { fileStem } from "../emit/names.js";
import { diagnosticLine, type Diagnostic } from "./diagnostic.js";
import { parseModel, type ModelContract } from "./model.js";
import { checkOverlay, parseOverlay, withOverlayRecord } from "./overlay.js";
import { sourceHash, type Recall, type RecalledModel } from "./recall.js";
import { SchemaRefusal, type JsonSchema } from "./schema-check.js";

export interface Snapshot {
  /**
   * Sorted by id: every model that could be read. A model with an overlay that applies has it in
   * `overlay`, and its record (file, reviewed hashes) in its schema; `checkModels` applies it.
   */
  models: ModelContract[];
  /** Oxen's OpenAPI document, for the envelope types. */
  hubOpenapi: Record<string, unknown>;
  /**
   * Files that are not a usable model (unreadable, not JSON, no id, an id already taken) and
   * overlays that do not apply; a model named here is not generated. Never fatal on its own.
   */
  failures: Diagnostic[];
  /** Overlays whose model is not in the snapshot (removed upstream?): nothing to apply them to. */
  warnings: Diagnostic[];
  /** Sorted by id: model files known by their record (read with a `Recall`), not parsed; never one with an overlay. */
  recalled?: RecalledModel[];
}

/** Orders models (or anything with an id) by id, by code unit: the order of the index, the marker and what is said. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A file's bytes, or the one line that says why there are none. */
function readFile(path: string): { bytes: Buffer } | { error: string } {
  try {
    // Synchronous: reading a thousand small files this way took a fraction of the time.
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { error: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

function parseJson(bytes: Buffer): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(bytes.toString("utf8")) };
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
}

/** A file's parsed JSON and the sha256 of its bytes, or the one line that says why there is none. */
function readJson(path: string): { value: unknown; source: string } | { error: string } {
  const read = readFile(path);
  if ("error" in read) return read;
  const parsed = parseJson(read.bytes);
  return "error" in parsed ? parsed : { ...parsed, source: sourceHash(read.bytes) };
}

function listJson(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
}

/**
 * Reads a snapshot folder: `models/*.json` (one model object each), `overlays/*.json` and
 * `hub-openapi.json`. A bad model file is listed in `failures` and the others are read on; only a
 * missing folder or OpenAPI document ends the reading. A model file whose bytes `recall` knows (and
 * that has no overlay) is not parsed: it goes to `recalled`.
 */
export async function readSnapshot(dir: string, recall?: Recall): Promise<Snapshot> {
  let files: string[];
  try {
    files = listJson(join(dir, "models"));
  } catch {
    throw new InputError(`${join(dir, "models")}: no such folder (a snapshot holds models/<id>.json files)`);
  }
  const models: ModelContract[] = [];
  const recalled: RecalledModel[] = [];
  const failures: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const stems = new Map<string, string>();
  const overlaid = recall === undefined ? new Set<string>() : overlayStems(dir);
  for (const file of files) {
    const label = join(dir, "models", file);
    const known = recall?.(`models/${file}`);
    let model: ModelContract | RecalledModel;
    if (known !== undefined && !overlaid.has(fileStem(known.record.id))) model = { id: known.record.id, file: label, ...known };
    else {
      const read = readJson(label);
      if ("error" in read) {
        failures.push({ file: label, model: null, at: "", message: read.error });
        continue;
      }
      try {
        model = { ...parseModel(read.value, label), source: read.source };
      } catch (error) {
        failures.push({ file: label, model: null, at: "", message: (error as Error).message.replace(`${label}: `, "") });
        continue;
      }
    }
    const other = seen.get(model.id);
    // File names are case-insensitive on some systems: two ids whose files would share a name cannot both be generated.
    const clash = stems.get(fileStem(model.id).toLowerCase());
    if (other !== undefined) failures.push({ file: label, model: model.id, at: "", message: `this id is also defined in ${other}` });
    else if (clash !== undefined) failures.push({ file: label, model: model.id, at: "", message: `model ids ${JSON.stringify(clash)} and ${JSON.stringify(model.id)} map to the same file name "${fileStem(model.id)}" (file names are case-insensitive on some systems)` });
    else {
      seen.set(model.id, label);
      stems.set(fileStem(model.id).toLowerCase(), model.id);
      if ("record" in model) recalled.push(model);
      else models.push(model);
    }
  }
  models.sort(byId);
  recalled.sort(byId);
  const hubPath = join(dir, "hub-openapi.json");
  const hub = readJson(hubPath);
  if ("error" in hub) throw new InputError(`${hubPath}: ${hub.error}`);
  if (hub.value === null || typeof hub.value !== "object" || Array.isArray(hub.value)) throw new InputError(`${hubPath}: expected an OpenAPI document (a JSON object)`);
  const warnings: Diagnostic[] = [];
  return { models: withOverlays(dir, models, failures, warnings), hubOpenapi: hub.value as Record<string, unknown>, failures, warnings, recalled };
}

/** The stems of the overlay files of snapshot folder `dir`. */
function overlayStems(dir: string): Set<string> {
  const folder = join(dir, "overlays");
  return new Set(existsSync(folder) ? listJson(folder).map((file) => file.slice(0, -".json".length)) : []);
}

/** The models with their overlays (`dir`/overlays/<stem>.json) attached; an overlay that does not apply is a failure of its model. */
export function withOverlays(dir: string, models: ModelContract[], failures: Diagnostic[], warnings: Diagnostic[] = []): ModelContract[] {
  const folder = join(dir, "overlays");
  if (!existsSync(folder)) return models;
  const byStem = new Map(models.map((m) => [fileStem(m.id), m]));
  const applied = new Map<string, ModelContract>();
  for (const file of listJson(folder)) {
    const label = join(folder, file);
    const model = byStem.get(file.slice(0, -".json".length));
    const fail = (at: string, message: string) => failures.push({ file: label, model: model?.id ?? null, at, message });
    if (model === undefined) {
      warnings.push({ file: label, model: null, at: "", message: "no model of the snapshot has this file name, so this overlay applies to nothing (an overlay is named after its model's file, models/<name>.json)" });
      continue;
    }
    const read = readJson(label);
    if ("error" in read) {
      fail("", read.error);
      continue;
    }
    try {
      const overlay = parseOverlay(read.value, join("overlays", file));
      if (overlay.model !== model.id) throw new SchemaRefusal("/model", `names model "${overlay.model}", but the file belongs to "${model.id}"`);
      if (model.schema === null || typeof model.schema !== "object" || Array.isArray(model.schema)) throw new SchemaRefusal("", "the model has no request schema to refine");
      checkOverlay(model.schema as JsonSchema, overlay);
      applied.set(model.id, { ...model, schema: withOverlayRecord(model.schema as JsonSchema, overlay), overlay });
    } catch (error) {
      if (!(error instanceof SchemaRefusal)) throw error;
      fail(`#${error.pointer}`, error.message);
    }
  }
  return models.map((m) => applied.get(m.id) ?? m);
}

/**
 * Reads a snapshot whose every model file must be usable (the drift report and fetch, which
 * compare or keep whole snapshots): a file that is not a model is an error listing each such
 * file. A model whose overlay does not apply is read as upstream has it.
 */
export async function loadSnapshot(dir: string): Promise<Snapshot> {
  const snapshot = await readSnapshot(dir);
  const unreadable = snapshot.failures.filter((f) => f.file.startsWith(join(dir, "models")));
  if (unreadable.length > 0) throw new InputError(unreadable.map(diagnosticLine).join("\n"));
  return snapshot;
}
