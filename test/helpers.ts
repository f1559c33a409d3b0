import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { startMockServer, type MockServer, type MockServerOptions } from "../mock/index.js";

/** The snapshot committed in the repository. */
export const SCHEMAS = join(import.meta.dirname, "..", "schemas");
/** The model corpus shared with the project (rebuilt from public doc pages; not live payloads). */
export const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus");

/**
 * The API key of the whole suite. test/global-setup.ts searches every file the run wrote for it,
 * and test/canary-reporter.ts every log line and error message: it must appear nowhere.
 */
export const CANARY_KEY = inject("canaryKey");

/** The local server, accepting the suite's key. */
export function startTestServer(options: MockServerOptions = {}): Promise<MockServer> {
  return startMockServer({ apiKeys: [CANARY_KEY], ...options });
}

/** A fresh temporary folder under the run's root, which global teardown searches and removes. */
export async function tempDir(): Promise<string> {
  return mkdtemp(join(inject("tmpRoot"), "t-"));
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}
