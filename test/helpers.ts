import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/** The snapshot committed in the repository. */
export const SCHEMAS = join(import.meta.dirname, "..", "schemas");
/** The model corpus shared with the project (rebuilt from public doc pages; not live payloads). */
export const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus");

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "oxen-contracts-"));
  made.push(dir);
  return dir;
}
