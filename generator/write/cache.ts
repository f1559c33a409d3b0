import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../snapshot/canonical.js";
import { isModelRecord, type ModelRecord } from "../load/recall.js";
import { isRunRecord, isSourceStamps, stampedHashes, unchangedFile, type RunRecord, type SourceStamps } from "./unchanged.js";
import { listFiles, readText } from "./write.js";

/** Emitted files by their key (a hash of everything they were made from). */
export interface EmitCache {
  /** The paths of the files made for `key`, when the output folder holds each of them as made. */
  get(key: string): readonly string[] | undefined;
  set(key: string, files: Record<string, string>): void;
  /** Whether a request schema, by its key (emit-all.ts, `schemaKey`), was found valid against its meta-schema by this generator. */
  metaChecked(schema: string): boolean;
  /** Keeps that a request schema was found valid against its meta-schema. */
  setMetaChecked(schema: string): void;
  /** The record the last run kept of a model file's bytes, by their `sourceHash`. */
  record(source: string): ModelRecord | undefined;
  /** Keeps what this run emitted or reused for the next run, `run`, what it saw and said, and `models`, its model files' records; call once the output is written. */
  save(run?: RunRecord, models?: ReadonlyMap<string, ModelRecord>): void;
  /** The record the last run saved, if its generator was this one. */
  readonly lastRun: RunRecord | undefined;
  /** The stamps of the files hits found as the last run left them (writing links a kept file over, which keeps its stamp). */
  readonly unchanged: RunRecord["outputs"];
}

/** A path the emitters make (`models/x.ts`, `hub.ts`): relative, inside the output folder. */
function isOutputPath(file: string): boolean {
  return !file.includes("\\") && file.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What emission is made of: the emitters, templates and runtime constants they read. */
const OWN_DIRS = ["generator", "templates", "runtime"];
const LIBRARIES = ["ajv", "json-schema-to-typescript", "openapi-typescript", "handlebars", "typescript"];

/** The version of an installed library, found from its entry point up to its package.json. */
function libraryVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const pkg = JSON.parse(readText(join(dir, "package.json")) ?? "{}") as { name?: string; version?: string };
    if (pkg.name === name) return `${name}@${pkg.version}`;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the version of ${name}`);
    dir = parent;
  }
}

/**
 * A hash of the generator itself: its own code (sources in a clone, the build when installed) and
 * the versions of the libraries it emits with. Any change to either misses every cache entry.
 * `known`: the stamps of its files a run recorded (see unchanged.ts), whose files are not read again.
 */
export function generatorFingerprint(known: SourceStamps = {}): { fingerprint: string; stamps: SourceStamps } {
  const files = OWN_DIRS.flatMap((dir) => listFiles(join(PACKAGE_ROOT, dir)).map((file) => `${dir}/${file}`));
  const read = stampedHashes(PACKAGE_ROOT, files, known);
  // A file of its own it cannot read: a fingerprint no manifest has, so nothing is taken from the cache.
  if (read === undefined) return { fingerprint: randomUUID(), stamps: {} };
  const parts = [...read.hashes].flat();
  for (const name of LIBRARIES) parts.push(libraryVersion(name));
  return { fingerprint: sha256(parts.join("\n")), stamps: read.stamps };
}

interface Manifest {
  fingerprint: string;
  /** The stamps of the generator's own files, for the next run's fingerprint. */
  generator?: SourceStamps;
  /** For each key, the hash of each file it produced, by path in the output folder. */
  entries: Record<string, Record<string, string>>;
  run?: RunRecord;
  /** Each model file's record, by the sha256 of its bytes. */
  models?: Record<string, ModelRecord>;
  /** The request schemas found valid against their meta-schemas, by key, the latest first. */
  metaChecked?: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object";

/** The manifest at `path`, if it was written by the generator whose files are as they are now. */
function readManifest(path: string): { fingerprint: string; generator: SourceStamps } & Pick<Manifest, "entries" | "run" | "models" | "metaChecked"> {
  let manifest: Partial<Manifest> = {};
  try {
    const parsed: unknown = JSON.parse(readText(path) ?? "");
    if (isRecord(parsed)) manifest = parsed as Partial<Manifest>;
  } catch {
    // a broken manifest: nothing kept
  }
  const { fingerprint, stamps: generator } = generatorFingerprint(isSourceStamps(manifest.generator) ? manifest.generator : {});
  if (manifest.fingerprint !== fingerprint || !isRecord(manifest.entries)) return { fingerprint, generator, entries: {} };
  const { run, models, metaChecked } = manifest;
  return {
    fingerprint,
    generator,
    entries: manifest.entries,
    run: isRunRecord(run) ? run : undefined,
    models: isRecord(models) ? models : undefined,
    metaChecked: Array.isArray(metaChecked) ? metaChecked.filter((key) => typeof key === "string") : undefined,
  };
}

/**
 * A cache for the output folder `outDir`, kept in `dir` as one small manifest: for each key, the
 * sha256 of each file it produced. The files themselves are the output: a key whose files are all in
 * `outDir` with those hashes is a hit, anything else (a file edited, missing or unreadable, another
 * generator, a broken manifest) a miss. A file whose size, time and inode are as the last run
 * recorded them is taken to hold what that run left there, and is not read. `save` writes the keys
 * of this run, so the manifest never grows past one output's worth; a failed write only costs the
 * next run its hits. The manifest also keeps each model file's record (see load/recall.ts).
 */
export function openCache(dir: string, outDir: string): EmitCache {
  const path = join(dir, `${sha256(outDir).slice(0, 16)}.json`);
  const { fingerprint, generator, entries: previous, run: lastRun, models = {}, metaChecked = [] } = readManifest(path);
  const next: Manifest["entries"] = {};
  const checked = new Set(metaChecked);
  const newlyChecked = new Set<string>();
  const unchanged: RunRecord["outputs"] = {};
  /** How output file `file` holds the text hashed `hash`: as the last run left it (which recorded it with that text), or read and hashed; or not at all. */
  const holds = (file: string, hash: string): "unchanged" | "same text" | undefined => {
    if (!isOutputPath(file)) return undefined;
    if (unchangedFile(lastRun, outDir, file)) return "unchanged";
    const text = readText(join(outDir, file));
    return text !== undefined && sha256(text) === hash ? "same text" : undefined;
  };
  return {
    unchanged,
    lastRun,
    metaChecked: (schema) => checked.has(schema),
    setMetaChecked: (schema) => void newlyChecked.add(schema),
    record(source) {
      const record = Object.hasOwn(models, source) ? models[source] : undefined;
      return isModelRecord(record) ? record : undefined;
    },
    get(key) {
      const hashes = Object.hasOwn(previous, key) ? previous[key] : undefined;
      if (hashes === undefined || hashes === null || typeof hashes !== "object") return undefined;
      const files = Object.keys(hashes);
      const found = files.map((file) => (typeof hashes[file] === "string" ? holds(file, hashes[file]) : undefined));
      if (found.includes(undefined)) return undefined;
      next[key] = hashes;
      files.forEach((file, i) => found[i] === "unchanged" && (unchanged[file] = lastRun!.outputs[file]!));
      return files;
    },
    set(key, files) {
      next[key] = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, sha256(text)]));
    },
    save(run, records) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        // Verdicts on schemas no model of this run has are kept a while (as many as there are entries), for an edit undone.
        const verdicts = [...new Set([...newlyChecked, ...metaChecked])].slice(0, Math.max(newlyChecked.size, Object.keys(next).length));
        writeFileSync(temporary, JSON.stringify({ fingerprint, generator, entries: next, run, models: records && Object.fromEntries(records), metaChecked: verdicts } satisfies Manifest));
        renameSync(temporary, path);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
