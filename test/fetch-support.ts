// Shared by the fetch, diff and drift suites: the CLI run in-process, and snapshot folders.
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Io } from "../cli/args.js";
import { main } from "../generator/cli.js";
import { SCHEMAS, tempDir } from "./helpers.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `oxen-contracts <argv>` in this process with the given environment (never the test runner's). */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}, interactive = false): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), stdin: async () => "", interactive, env };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A temporary copy of the committed snapshot, to fetch into or to serve modified. */
export async function snapshotCopy(): Promise<string> {
  const dir = await tempDir();
  await cp(SCHEMAS, dir, { recursive: true });
  return dir;
}

/** Every file of a folder and its exact bytes, for "left byte-identical" checks. */
export async function folderBytes(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const out: Record<string, string> = {};
  for (const file of files.sort()) out[relative(dir, file)] = (await readFile(file)).toString("base64");
  return out;
}

/** Edits one model object of a snapshot folder in place; `schema` edits each request-schema field it has. */
export async function editModel(
  dir: string,
  id: string,
  edit: { model?: (model: Record<string, any>) => void; schema?: (schema: Record<string, any>) => void },
): Promise<void> {
  const path = join(dir, "models", `${id}.json`);
  const model = JSON.parse(await readFile(path, "utf8"));
  edit.model?.(model);
  for (const field of ["json_request_schema", "request_schema"]) if (model[field]) edit.schema?.(model[field]);
  await writeFile(path, `${JSON.stringify(model, null, 2)}\n`);
}
