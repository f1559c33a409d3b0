// A run of `generate` that can change nothing, recognised before any schema is parsed or any
// emitter loaded: the snapshot's files hash as they did on the last run that wrote this output,
// with the same generator and options, and the output's files are the ones that run left there.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sourceHash } from "../load/recall.js";
import { listFiles } from "./write.js";

/** What the last complete run saw and said, kept in the cache manifest beside its entries. */
export interface RunRecord {
  /** `runInput` of that run. */
  input: string;
  /** The lines it printed on stderr (warnings, models left out), said again as they were. */
  stderr: string[];
  /** What a run with nothing to change prints. */
  stdout: string;
  /** Each output file by path: size, modification time and inode, as that run left it. */
  outputs: Record<string, [number, number, number]>;
  /** The snapshot's files that run found settled (see `runInput`), by path: size, modification and change times, inode, and the sha256 of their bytes. */
  sources?: SourceStamps;
}

/** A snapshot file's size, modification time, change time and inode, with the sha256 of the bytes it held then. */
export type SourceStamps = Record<string, [number, number, number, number, string]>;

const isSourceStamp = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 5 && value.slice(0, 4).every((n) => typeof n === "number") && typeof value[4] === "string";

/** Stamps read back from a manifest, which may hold anything. */
export const isSourceStamps = (value: unknown): value is SourceStamps => value !== null && typeof value === "object" && Object.values(value).every(isSourceStamp);

/** A record read back from a manifest file, which may be anything. */
export function isRunRecord(value: unknown): value is RunRecord {
  if (value === null || typeof value !== "object") return false;
  const { input, stderr, stdout, outputs, sources } = value as Record<string, unknown>;
  return (
    typeof input === "string" &&
    Array.isArray(stderr) &&
    stderr.every((line) => typeof line === "string") &&
    typeof stdout === "string" &&
    outputs !== null &&
    typeof outputs === "object" &&
    Object.values(outputs).every((stamp) => Array.isArray(stamp) && stamp.length === 3 && stamp.every((n) => typeof n === "number")) &&
    (sources === undefined || isSourceStamps(sources))
  );
}

/** What a run reads first: `input`, a hash of all it depends on, and the sha256 of each file of the snapshot by its path there. */
export interface RunInput {
  input: string;
  sources: ReadonlyMap<string, string>;
  /** The stamps of the files settled when this run read them, for the next run to trust. */
  stamps: SourceStamps;
}

/**
 * How long before a run a file must have last changed for its stamp to be trusted later. A file
 * changed within the file system's timestamp granularity of being read (a second on some) could
 * change again with the same size and times; such a file is read again by the next run, as git
 * does with its "racily clean" entries.
 */
const SETTLED_MS = 2000;

/**
 * A hash of `settings` (what else the output depends on) and of every file of the snapshot folder,
 * by path and bytes; undefined when a file cannot be read, for the full run to report. A file whose
 * size, times and inode are those `known` (the last run's stamps) recorded is taken to hold the
 * bytes it held then, and is not read: an edit changes its modification and change times (the
 * change time cannot be set back), a replacement its inode. `settled`: files last changed before
 * this time (ms since the epoch) have their stamps kept.
 */
export function runInput(settings: unknown, schemasDir: string, known: SourceStamps = {}, settled = Date.now() - SETTLED_MS): RunInput | undefined {
  const read = stampedHashes(schemasDir, listFiles(schemasDir), known, settled);
  if (read === undefined) return undefined;
  const hash = createHash("sha256").update(JSON.stringify(settings));
  for (const [file, source] of read.hashes) hash.update(`\0${file}\0${source}`);
  return { input: hash.digest("hex"), sources: read.hashes, stamps: read.stamps };
}

/**
 * The sha256 of each of `files` (paths in `root`), in their order, taken from `known` for a file
 * whose stamp is as it recorded (see `runInput`), with the stamps of the files changed before
 * `settled`; undefined when a file cannot be read.
 */
export function stampedHashes(root: string, files: readonly string[], known: SourceStamps, settled = Date.now() - SETTLED_MS): { hashes: Map<string, string>; stamps: SourceStamps } | undefined {
  const hashes = new Map<string, string>();
  const stamps: SourceStamps = {};
  for (const file of files) {
    const read = readSource(join(root, file), Object.hasOwn(known, file) ? known[file] : undefined);
    if (read === undefined) return undefined;
    hashes.set(file, read[4]);
    if (read[1] < settled && read[2] < settled) stamps[file] = read;
  }
  return { hashes, stamps };
}

/** A snapshot file's stamp with the sha256 of its bytes: `known`'s when the file is as it recorded, else read now. */
function readSource(path: string, known: SourceStamps[string] | undefined): SourceStamps[string] | undefined {
  try {
    // The stamp is taken before the bytes are read: a write in between gives the file times the next run does not trust.
    const { size, mtimeMs, ctimeMs, ino } = statSync(path);
    if (known !== undefined && known[0] === size && known[1] === mtimeMs && known[2] === ctimeMs && known[3] === ino) return known;
    return [size, mtimeMs, ctimeMs, ino, sourceHash(readFileSync(path))];
  } catch {
    return undefined;
  }
}

/**
 * Size, modification time and inode of every file of `dir`. A file written again gets a new inode
 * (the output is written as a new folder, unchanged files hard-linked into it), and an edit by hand
 * a new time: what is not as the last run left it fails the comparison, and the run goes on in full.
 * `known`: stamps already taken this run of files not written since, which linking keeps.
 */
export function outputStamps(dir: string, known: RunRecord["outputs"] = {}): RunRecord["outputs"] | undefined {
  const stamps: RunRecord["outputs"] = {};
  for (const file of listFiles(dir)) {
    const stamp = Object.hasOwn(known, file) ? known[file] : fileStamp(join(dir, file));
    if (stamp === undefined) return undefined; // a file gone since it was listed: changed
    stamps[file] = stamp;
  }
  return stamps;
}

type Stamp = RunRecord["outputs"][string];

/** A file's size, modification time and inode; undefined when it cannot be read. */
function fileStamp(path: string): Stamp | undefined {
  try {
    const { size, mtimeMs, ino } = statSync(path);
    return [size, mtimeMs, ino];
  } catch {
    return undefined;
  }
}

const sameStamp = (a: Stamp | undefined, b: Stamp): boolean => a !== undefined && a.every((v, i) => v === b[i]);

/** Whether the file `file` of the output folder `dir` is as the last run, recorded as `last`, left it. */
export function unchangedFile(last: RunRecord | undefined, dir: string, file: string): boolean {
  return last !== undefined && Object.hasOwn(last.outputs, file) && sameStamp(fileStamp(join(dir, file)), last.outputs[file]!);
}

/** Whether the last run, recorded as `last`, had this input and left the output folder `dir` as it is now. */
export function unchangedSince(last: RunRecord | undefined, input: string | undefined, dir: string): last is RunRecord {
  if (last === undefined || input === undefined || last.input !== input) return false;
  const now = outputStamps(dir);
  const paths = Object.keys(last.outputs);
  return now !== undefined && paths.length === Object.keys(now).length && paths.every((p) => Object.hasOwn(now, p) && sameStamp(now[p], last.outputs[p]!));
}
