// One run of the suite: a canary API key for every test and one root for every temporary file.
// At the end, every file the run wrote (the temporary root and the repository's outputs) is
// searched for the key; finding it anywhere fails the run.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    canaryKey: string;
    tmpRoot: string;
  }
}

const ROOT = join(import.meta.dirname, "..");
/** Repository folders a test run may write to. */
const OUTPUTS = ["generated", "schemas", "dist", "docs"];

/** Files under `dir` (installed packages aside) that contain `needle`. */
async function filesWith(dir: string, needle: Buffer): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries) {
    const path = join(e.parentPath, e.name);
    if (!e.isFile() || path.includes(`${sep}node_modules${sep}`)) continue;
    if ((await readFile(path).catch(() => undefined))?.includes(needle)) found.push(path);
  }
  return found;
}

/** What identifies the key even where a message shows it cut short: its random part's first 16 characters. */
export function canaryFragment(canary: string): string {
  return canary.slice("sk-oxen-canary-".length, "sk-oxen-canary-".length + 16);
}

export default async function setup(project: TestProject) {
  const canary = `sk-oxen-canary-${randomBytes(12).toString("hex")}`;
  const tmpRoot = await mkdtemp(join(tmpdir(), "oxen-contracts-test-"));
  project.provide("canaryKey", canary);
  project.provide("tmpRoot", tmpRoot);
  process.env.OXEN_TEST_CANARY = canary;

  return async function teardown() {
    const needle = Buffer.from(canaryFragment(canary));
    const leaks = [await filesWith(tmpRoot, needle), ...(await Promise.all(OUTPUTS.map((f) => filesWith(join(ROOT, f), needle))))].flat();
    await rm(tmpRoot, { recursive: true, force: true });
    if (leaks.length > 0) {
      // vitest reports a teardown error without failing the run; the exit code must say it.
      process.exitCode = 1;
      throw new Error(`the canary API key was written to:\n${leaks.join("\n")}`);
    }
  };
}
