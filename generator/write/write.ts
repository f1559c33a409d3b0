// Synchronous file calls on purpose: for thousands of small files they ran 18 times faster than
// node:fs/promises here, and a command-line run has nothing else to do meanwhile.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { FileMap } from "../emit/emit-all.js";

/** Refuses a relative path that would land outside its folder. Emitters only make safe ones; this is the last guard. */
function inside(dir: string, path: string): string {
  const full = resolve(dir, path);
  if (!full.startsWith(resolve(dir) + sep)) throw new Error(`refusing to write outside ${dir}: ${JSON.stringify(path)}`);
  return full;
}

/** Hard-links `from` at `to`; false where the file system cannot. */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Which paths of a folder a writer manages; the rest are the user's, carried over untouched. */
export type Owns = (path: string) => boolean;

const everything: Owns = () => true;

/** Files the folder is known to hold as they should be (the emit cache checked them): kept as they are, not read. */
export type Kept = ReadonlySet<string>;

const noneKept: Kept = new Set();

/**
 * Replaces the files of `dir` that `owns` covers with exactly `files` and `kept`, carries every
 * other file over as it is, and returns how many files changed (0: nothing was touched). The result is built in a
 * new folder beside `dir`, which then takes its place; until that swap nothing in `dir` changes, so
 * a failure leaves it as it was. Unchanged and carried-over files are hard-linked, not rewritten.
 * Folders and files are created with the default modes, so they follow the umask.
 */
export function writeFolder(dir: string, files: FileMap, owns: Owns = everything, kept: Kept = noneKept): number {
  const present = listFiles(dir);
  const stale = new Set(staleAmong(present, dir, files, owns, kept));
  if (stale.size === 0) return 0;
  const parent = dirname(resolve(dir));
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(dir)}.new-${randomBytes(6).toString("hex")}`);
  mkdirSync(staging);
  try {
    const made = new Set<string>();
    const place = (path: string, write: (full: string) => void): void => {
      const full = inside(staging, path);
      if (!made.has(dirname(full))) mkdirSync(dirname(full), { recursive: true }), made.add(dirname(full));
      write(full);
    };
    for (const [path, content] of files) {
      place(path, (full) => {
        if (stale.has(path) || !linked(inside(dir, path), full)) writeFileSync(full, content);
      });
    }
    for (const path of [...kept, ...present.filter((p) => !owns(p))]) {
      place(path, (full) => {
        if (!linked(inside(dir, path), full)) writeFileSync(full, readFileSync(inside(dir, path)));
      });
    }
    const retired = staging.replace(/\.new-/, ".old-");
    let hadOld = true;
    try {
      renameSync(dir, retired);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      hadOld = false;
    }
    renameSync(staging, dir);
    if (hadOld) removeListed(retired, present);
    return stale.size;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes `dir`, which holds `files` (its listing, as listFiles gives it): each file unlinked and
 * each folder removed, deepest first, without the lstat and listing per entry `rmSync` does (the
 * old output of a one-model change is thousands of files). Anything else there is left to rmSync.
 */
function removeListed(dir: string, files: readonly string[]): void {
  try {
    const folders = new Set<string>();
    for (const file of files) {
      unlinkSync(join(dir, file));
      for (let at = file.lastIndexOf("/"); at > 0; at = file.lastIndexOf("/", at - 1)) folders.add(file.slice(0, at));
    }
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) rmdirSync(join(dir, folder));
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it; none when it cannot be read. */
export function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  // Each folder's relative path worked out once, not once per file: outputs hold thousands of files in a few folders.
  const folders = new Map<string, string>();
  const folderOf = (parent: string): string => {
    let rel = folders.get(parent);
    if (rel === undefined) folders.set(parent, (rel = relative(dir, parent).split(sep).join("/")));
    return rel;
  };
  return entries
    .filter((e) => e.isFile())
    .map((e) => (folderOf(e.parentPath) === "" ? e.name : `${folderOf(e.parentPath)}/${e.name}`))
    .sort();
}

/** A file's text, or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Files of `dir` that differ from `files`: changed, missing, or (among those `owns` covers) neither generated nor kept. Sorted. */
export function staleFiles(dir: string, files: FileMap, owns: Owns = everything, kept: Kept = noneKept): string[] {
  return staleAmong(listFiles(dir), dir, files, owns, kept);
}

/** staleFiles, given `present`, what listFiles lists of `dir`: a file it does not list is missing, and is not read. */
function staleAmong(present: readonly string[], dir: string, files: FileMap, owns: Owns, kept: Kept): string[] {
  const listed = new Set(present);
  const stale = new Set<string>();
  for (const [path, content] of files) {
    const full = inside(dir, path);
    if (!listed.has(path) || readText(full) !== content) stale.add(path);
  }
  for (const path of present) if (!files.has(path) && !kept.has(path) && owns(path)) stale.add(path);
  return [...stale].sort();
}
