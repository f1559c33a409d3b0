// The canary checks themselves: a run that leaks the key in a log line, a written file or an
// error message fails, and the same run without a leak passes.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProcess } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

async function runFixture(leak: string): Promise<{ code: number; output: string }> {
  const run = await runProcess(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "test/canary/vitest.config.ts"], { cwd: ROOT, env: { ...process.env, LEAK: leak } });
  return { code: run.code, output: run.stdout + run.stderr };
}

describe("the canary API key check", () => {
  it("passes a run that leaks nothing", async () => {
    expect((await runFixture("none")).code).toBe(0);
  }, 60_000);

  it.each([
    ["log", /canary API key appeared in/],
    ["error", /canary API key appeared in/],
    ["file", /canary API key was written to:\n.*request\.log/],
  ])("fails a run that leaks it into a %s", async (leak, message) => {
    const run = await runFixture(leak);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(message);
  }, 60_000);
});
