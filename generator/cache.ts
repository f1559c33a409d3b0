import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "./canonical.js";

/** Emitted files by their key (a hash of everything they were made from). */
export interface EmitCache {
  get(key: string): Record<string, string> | undefined;
  set(key: string, files: Record<string, string>): void;
}

const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
/** What emission is made of: the emitters, templates and runtime constants they read. */
const OWN_DIRS = ["generator", "templates", "runtime"];
const LIBRARIES = ["ajv", "json-schema-to-typescript", "openapi-typescript", "handlebars", "typescript"];

/** Reads a file, or undefined when it cannot be read. Synchronous, as in write.ts, for speed. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

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
 */
export function generatorFingerprint(): string {
  const parts: string[] = [];
  for (const dir of OWN_DIRS) {
    for (const file of filesUnder(join(PACKAGE_ROOT, dir))) parts.push(file.slice(PACKAGE_ROOT.length), sha256(readText(file) ?? ""));
  }
  for (const name of LIBRARIES) parts.push(libraryVersion(name));
  return sha256(parts.join("\n"));
}

const FINGERPRINT_FOLDER = /^[0-9a-f]{32}$/;

function isFileRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}

/**
 * A cache in `dir` (undefined when the folder cannot be made), one JSON file per entry under a folder named for the generator's fingerprint.
 * Folders of other fingerprints are removed when it opens. An entry that cannot be read is a miss,
 * one that cannot be written is skipped; entries are written whole (temporary file, then rename),
 * so a crash never leaves half of one.
 */
export function openCache(dir: string): EmitCache | undefined {
  const fingerprint = generatorFingerprint();
  const own = join(dir, fingerprint.slice(0, 32));
  try {
    mkdirSync(own, { recursive: true });
  } catch {
    return undefined; // A folder that cannot be made (read-only, say): generation runs without a cache.
  }
  for (const entry of readdirSync(dir)) {
    // Only folders this cache made: a --cache pointed at the wrong place loses nothing else.
    if (FINGERPRINT_FOLDER.test(entry) && join(dir, entry) !== own) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  const path = (key: string): string => join(own, `${key}.json`);
  return {
    get(key) {
      const text = readText(path(key));
      if (text === undefined) return undefined;
      try {
        const value: unknown = JSON.parse(text);
        return isFileRecord(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, files) {
      // Best effort: another run may have just removed this folder; generation goes on without the entry.
      const temporary = `${path(key)}.${process.pid}.tmp`;
      try {
        mkdirSync(own, { recursive: true });
        writeFileSync(temporary, JSON.stringify(files));
        renameSync(temporary, path(key));
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
