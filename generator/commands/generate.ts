import { existsSync } from "node:fs";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type Io } from "../../cli/args.js";
import { openCache } from "../write/cache.js";
import { REPOSITORY_TARGET, type Target } from "../emit/target.js";
import { InputError } from "../../cli/errors.js";
import { diagnosticLine, diagnosticReason, type Diagnostic } from "../load/diagnostic.js";
import { outputStamps, runInput, unchangedSince } from "../write/unchanged.js";
import { staleFiles, writeFolder } from "../write/write.js";

export const usage = "oxen-contracts generate [--schemas DIR] [--out DIR] [--check] [--skip-invalid] [--strict] [--cache DIR | --no-cache]";
const help = `${usage}

Turns a schema snapshot into TypeScript: per model an input type, a standalone validator and
typed request functions, plus the envelope types and the index.

  --schemas DIR  the snapshot folder (models/*.json, hub-openapi.json); default schemas/
  --out DIR      the output folder; default generated/. It is replaced as a whole, and only when it
                 is missing, empty, or holds just what generate wrote there (listed in its
                 oxen-contracts.json); a folder with any other file is refused untouched.
                 Outside this repository the code imports the runtime as \`oxen-contracts/runtime\`
  --check        write nothing; exit 1 and list the files that differ from what would be generated
  --skip-invalid generate every model that can be; list the others (id and reason) on stderr and
                 in the index as skippedModels, and exit 0. Without it, any model that cannot be
                 generated fails the run: every such model is listed, nothing is written, exit 1
  --strict       treat warnings (an unknown keyword, a default its own schema rejects, an overlay
                 whose upstream text changed since review) as errors of their model
  --cache DIR    remember here what each model emitted (hashes of its files, keyed by a hash of the
                 model and of the generator), so a model whose files are still in the output is
                 not emitted again; what checking each model file said, by a hash of its bytes,
                 so a file not changed is not parsed again; and what the last run read (a run
                 with nothing changed reads no schema; a file whose size, times and inode are
                 unchanged is not read); default node_modules/.cache/oxen-contracts
                 when node_modules exists
  --no-cache     emit every model`;

/** The folder this generator runs from: a clone of the repository (runtime sources beside it) or the installed package. */
const OWN_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const IN_CLONE = existsSync(join(OWN_ROOT, "runtime", "index.ts"));

/** `to` relative to `from`, with `/` separators (as it is written in headers, the marker and the index). */
function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join(posix.sep);
}

/** A path as the user would type it from here. */
function typed(path: string): string {
  return posixRelative(process.cwd(), path) || ".";
}

/**
 * How the output reaches the runtime: by path inside a clone of this repository (its generated/ is
 * built into the client package), by package name anywhere else, as a user's project needs.
 */
function targetFor(out: string, schemas: string, given: { out?: string; schemas?: string }): Target {
  if (IN_CLONE && out === join(OWN_ROOT, "generated") && schemas === join(OWN_ROOT, "schemas")) return REPOSITORY_TARGET;
  const flags = [given.schemas === undefined ? "" : ` --schemas ${typed(schemas)}`, given.out === undefined ? "" : ` --out ${typed(out)}`];
  return {
    runtime: IN_CLONE && out.startsWith(OWN_ROOT) ? "relative" : "package",
    command: `oxen-contracts generate${flags.join("")}`,
    snapshot: posixRelative(out, schemas),
  };
}

export async function generateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    {
      schemas: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean" },
      cache: { type: "string" },
      "no-cache": { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      strict: { type: "boolean" },
    },
    usage,
  );
  if (values.help) return io.out(help), 0;
  if (values["no-cache"] && values.cache !== undefined) throw new InputError(`--cache and --no-cache exclude each other\nusage: ${usage}`);
  const out = resolve(values.out ?? "generated");
  const schemasDir = resolve(values.schemas ?? "schemas");
  const target = targetFor(out, schemasDir, values);
  const cacheDir = values["no-cache"] ? undefined : (values.cache ?? (existsSync("node_modules") ? join("node_modules", ".cache", "oxen-contracts") : undefined));
  const cache = cacheDir === undefined ? undefined : openCache(resolve(cacheDir), out);
  // Everything the output and what is said depend on besides the snapshot and the generator (which the cache's fingerprint covers).
  const settings = { target, strict: values.strict === true, skipInvalid: values["skip-invalid"] === true, cwd: process.cwd(), root: OWN_ROOT };
  const last = cache?.lastRun;
  const read = cache === undefined || values.check ? undefined : runInput(settings, schemasDir, last?.sources);
  const input = read?.input;
  if (unchangedSince(last, input, out)) {
    for (const line of last.stderr) io.err(line);
    return io.out(last.stdout), 0;
  }
  // Loaded only now: a run answered above needs none of the loading, checking and emitting.
  const [{ generationInput }, { emitAll }, { checkReplaceable }] = await Promise.all([import("../load/check-models.js"), import("../emit/emit-all.js"), import("../write/marker.js")]);
  const said: string[] = [];
  const err = (line: string): void => {
    said.push(line);
    io.err(line);
  };
  // A model file whose bytes the last run recorded is not read again: its record says what reading it would.
  const recall = (file: string) => {
    const source = read?.sources.get(file);
    const record = source === undefined ? undefined : cache!.record(source);
    return record === undefined ? undefined : { source: source!, record };
  };
  const { snapshot, refused, warnings, records } = await generationInput(schemasDir, values.strict, recall);
  // Files as the user would name them: relative to the working folder when inside it.
  const shown = (d: Diagnostic): string => {
    const rel = relative(process.cwd(), d.file);
    return diagnosticLine(rel.startsWith("..") || isAbsolute(rel) ? d : { ...d, file: rel });
  };
  for (const warning of warnings) err(`warning: ${shown(warning)}`);
  const skipped = refused.map((d: Diagnostic) => ({ id: d.model, file: posixRelative(schemasDir, d.file), reason: diagnosticReason(d) }));
  const { files, kept, failures, emitted, reused } = await emitAll(snapshot, out, cache, skipped, target);
  const total = files.size + kept.size;
  const all = [...refused, ...failures];
  if (all.length > 0) {
    const count = `${all.length} ${all.length === 1 ? "problem" : "problems"}`;
    const skip = values["skip-invalid"] === true;
    err(`${count}; ${skip ? "left out of the output" : "nothing was written (--skip-invalid generates the others)"}:`);
    for (const failure of all) err(`  ${shown(failure)}`);
    if (!skip) return 1;
  }
  if (values.check) {
    const stale = staleFiles(out, files, undefined, kept);
    if (stale.length === 0) return io.out(`${out}: up to date (${total} files)`), 0;
    io.err(`${out} is stale; run \`${target.command}\`. Files that differ:`);
    for (const path of stale) io.err(`  ${path}`);
    return 1;
  }
  checkReplaceable(out);
  const changed = writeFolder(out, files, undefined, kept);
  // What the next run says if nothing changes: every model from the cache. A model whose emit failed would be emitted again, so such a run is not recorded.
  const next = cache === undefined ? "" : `; 0 emitted, ${emitted + reused} reused`;
  // Files kept were linked over, so their stamps are the ones the cache found; a kept file the cache
  // trusted only after reading it (its stamp had changed), and every file written, is stamped anew.
  const keptStamps = Object.fromEntries([...kept].filter((path) => Object.hasOwn(cache?.unchanged ?? {}, path)).map((path) => [path, cache!.unchanged[path]!]));
  const outputs = input !== undefined && failures.length === 0 ? outputStamps(out, keptStamps) : undefined;
  cache?.save(read !== undefined && outputs !== undefined ? { input: read.input, stderr: said, stdout: `${out}: up to date (${total} files${next})`, outputs, sources: read.stamps } : undefined, records);
  const counts = cache === undefined ? "" : `; ${emitted} emitted, ${reused} reused`;
  io.out(changed === 0 ? `${out}: up to date (${total} files${counts})` : `generated ${total} files in ${out} (${changed} changed${counts})`);
  return 0;
}
