import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { FileMap } from "./emit.js";

/** Refuses a relative path that would land outside its folder. Emitters only make safe ones; this is the last guard. */
function inside(dir: string, path: string): string {
  const full = resolve(dir, path);
  if (!full.startsWith(resolve(dir) + sep)) throw new Error(`refusing to write outside ${dir}: ${JSON.stringify(path)}`);
  return full;
}

/**
 * Replaces `dir` with exactly `files`: they are written into a new folder beside it, which then
 * takes its place. Until that swap nothing in `dir` changes, so a failure leaves it as it was.
 */
export async function writeFolder(dir: string, files: FileMap): Promise<void> {
  const parent = dirname(resolve(dir));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(dir)}.new-`));
  try {
    for (const [path, content] of files) {
      const full = inside(staging, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
    const retired = `${staging.replace(/\.new-/, ".old-")}`;
    const hadOld = await rename(dir, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(staging, dir);
    if (hadOld) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/** Files of `dir` that differ from `files`: changed, missing, or not generated at all. Sorted. */
export async function staleFiles(dir: string, files: FileMap): Promise<string[]> {
  const stale = new Set<string>();
  for (const [path, content] of files) {
    const current = await readFile(inside(dir, path), "utf8").catch(() => undefined);
    if (current !== content) stale.add(path);
  }
  for (const path of await listFiles(dir)) if (!files.has(path)) stale.add(path);
  return [...stale].sort();
}
