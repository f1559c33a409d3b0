import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "..", "bin", "oxen-contracts.js");

describe("oxen-contracts mock", () => {
  it("serves until interrupted, printing the base URL and the demo key", async () => {
    const child = spawn(process.execPath, [BIN, "mock", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /OXEN_BASE_URL=(\S+) OXEN_API_KEY=(\S+)/.exec(out);
          if (match) resolve(match[0]);
        });
        child.once("exit", (code) => reject(new Error(`exited early (${code}): ${out}`)));
      });
      const [, url, key] = /OXEN_BASE_URL=(\S+) OXEN_API_KEY=(\S+)/.exec(line)!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/api/ai/models/ltx-2-3-pro-audio-to-video`, { headers: { authorization: `Bearer ${key}` } });
      expect(((await response.json()) as { id: string }).id).toBe("ltx-2-3-pro-audio-to-video");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("rejects a bad port with exit code 2", async () => {
    const child = spawn(process.execPath, [BIN, "mock", "--port", "http"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
    expect(err).toContain('--port must be a port number, not "http"');
  });
});
