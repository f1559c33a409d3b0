import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { canonicalJson, schemaHash, sha256 } from "./canonical.js";
import type { FileMap } from "../emit/emit-all.js";
import { requestSchemaOf, type ModelContract } from "../load/model.js";
import { assignNames } from "../emit/names.js";

/** One model as it goes into the snapshot: its contract, its file text, and where it came from. */
export interface SnapshotEntry {
  model: ModelContract;
  /** The file's exact text. */
  text: string;
  source: string;
  fetchedAt: string;
}

export interface LockEntry {
  file: string;
  schemaSha256: string;
  source: string;
  fetchedAt: string;
}

export interface Lock {
  lockVersion: 1;
  hubOpenapi: { sha256: string; source: string; fetchedAt: string };
  models: Record<string, LockEntry>;
}

/** The canonical text of a model object fetched from the network: 2-space JSON and a newline. */
export function modelFileText(raw: unknown): string {
  return `${JSON.stringify(raw, null, 2)}\n`;
}

/**
 * The files of a snapshot folder that fetch and import write. Everything else there (overlays/,
 * examples/, a README) is the maintainers' and is carried over untouched.
 */
export function ownsSnapshotPath(path: string): boolean {
  return path.startsWith("models/") || path === "hub-openapi.json" || path === "lock.json";
}

/**
 * Every file of a snapshot folder: models/<stem>.json, hub-openapi.json and lock.json. A model
 * whose schema did not change keeps its lock entry (and fetched-at) from `previous`.
 */
export function snapshotFiles(entries: SnapshotEntry[], hub: { text: string; source: string; fetchedAt: string }, previous: Lock | undefined): FileMap {
  const names = assignNames(entries.map((e) => e.model.id));
  const sorted = [...entries].sort((a, b) => (a.model.id < b.model.id ? -1 : 1));
  const files: FileMap = new Map();
  const models: [string, LockEntry][] = [];
  for (const entry of sorted) {
    const file = `models/${names.get(entry.model.id)!.stem}.json`;
    files.set(file, entry.text);
    const hash = schemaHash(requestSchemaOf(entry.model.raw));
    const before = previous !== undefined && Object.hasOwn(previous.models, entry.model.id) ? previous.models[entry.model.id] : undefined;
    const kept = before !== undefined && before.schemaSha256 === hash && before.file === file;
    models.push([entry.model.id, kept ? before : { file, schemaSha256: hash, source: entry.source, fetchedAt: entry.fetchedAt }]);
  }
  const hubHash = sha256(canonicalJson(JSON.parse(hub.text)));
  const hubOpenapi = previous?.hubOpenapi.sha256 === hubHash ? previous.hubOpenapi : { sha256: hubHash, source: hub.source, fetchedAt: hub.fetchedAt };
  files.set("hub-openapi.json", hub.text);
  // fromEntries keeps an id such as "__proto__" an own key.
  const lock: Lock = { lockVersion: 1, hubOpenapi, models: Object.fromEntries(models) };
  files.set("lock.json", `${JSON.stringify(lock, null, 2)}\n`);
  return files;
}

export async function readLock(dir: string): Promise<Lock | undefined> {
  const text = await readFile(join(dir, "lock.json"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Lock;
  } catch {
    return undefined;
  }
}

