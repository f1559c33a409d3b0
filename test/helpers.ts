import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { inject, onTestFinished } from "vitest";
import { startMockServer, type MockServer, type MockServerOptions } from "../mock/index.js";

/** The snapshot committed in the repository. */
export const SCHEMAS = join(import.meta.dirname, "..", "schemas");
/** The request bodies each model's doc page documents, by tab (required, basic, all); copied from the corpus the snapshot was seeded from. */
export const EXAMPLES = join(SCHEMAS, "examples");

/**
 * The API key of the whole suite. test/global-setup.ts searches every file the run wrote for it,
 * and test/canary-reporter.ts every log line and error message: it must appear nowhere.
 */
export const CANARY_KEY = inject("canaryKey");

/** The local server, accepting the suite's key. */
export function startTestServer(options: MockServerOptions = {}): Promise<MockServer> {
  return startMockServer({ apiKeys: [CANARY_KEY], ...options });
}

/** The local server for the running test alone: closed when the test finishes, passed or failed. */
export async function serverForTest(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await startTestServer(options);
  onTestFinished(() => server.close());
  return server;
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

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a real process to its end; a non-zero exit is a result, not a rejection. */
export function runProcess(command: string, args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
    child.stdin?.end(options.input);
  });
}

/**
 * TypeScript declarations for checking a JSON instance against a type as a value rather than a
 * fresh object literal: `value(<json>)` keeps its literal types without readonly, and is not
 * checked for excess keys.
 */
export const VALUE_OF = "type Mutable<V> = V extends object ? { -readonly [K in keyof V]: Mutable<V[K]> } : V;\ndeclare function value<const V>(v: V): Mutable<V>;\n";
