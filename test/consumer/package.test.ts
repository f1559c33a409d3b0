// What users install is the tarball: pack it, install it into a fresh project, and use it as a
// consumer would, in Node ESM, Node CommonJS, TypeScript 5.9 and 7, and a real Chromium.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runProcess, tempDir, type ProcessRun } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "fixtures");
const CHROMIUM = "/usr/bin/chromium";
const SEED = "ltx-2-3-quality-audio-to-video";
function run(command: string, args: string[], cwd: string): Promise<ProcessRun> {
  return runProcess(command, args, { cwd });
}

let work: string;
let tarball: string;
let project: string;

beforeAll(async () => {
  work = await tempDir();
  // prepack builds dist/ from the current sources first.
  const packed = await run("npm", ["pack", "--json", "--pack-destination", work], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = join(work, JSON.parse(packed.stdout)[0].filename);
  project = join(work, "consumer");
  await cp(FIXTURES, project, { recursive: true });
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "0.0.0", private: true }));
  const installed = await run("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

describe("the packed tarball", () => {
  it("holds the builds, the snapshot and the CLI, and no tests or sources", async () => {
    const { stdout } = await run("tar", ["tzf", tarball], work);
    const files = stdout.trim().split("\n").map((f) => f.replace(/^package\//, ""));
    expect(files).toContain("dist/esm/generated/index.js");
    expect(files).toContain("dist/cjs/generated/index.d.ts");
    expect(files).toContain(`dist/esm/generated/models/${SEED}.d.ts`);
    expect(files).toContain(`dist/esm/schemas/models/${SEED}.json`);
    expect(files).toContain("bin/oxen-contracts.js");
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|fixtures|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs a generation from Node ESM import", async () => {
    const result = await run(process.execPath, ["esm.mjs"], project);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, invalid: ["num_frames must be at most 481 (got 600)"], status: "succeeded", fileStatus: 200 });
  });

  it("runs a generation from Node CommonJS require", async () => {
    const result = await run(process.execPath, ["cjs.cjs"], project);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, invalid: ["num_frames must be at most 481 (got 600)"], status: "succeeded", fileStatus: 200 });
  });

  it("loads one model without loading the others", async () => {
    const result = await run(process.execPath, ["isolation.cjs"], project);
    expect(JSON.parse(result.stdout).sort()).toEqual([`models/${SEED}.js`, `validators/${SEED}.js`]);
  });

  it("runs its command line from the install", async () => {
    await writeFile(join(project, "body.json"), JSON.stringify({ prompt: "p", input_audio: "https://example.com/a.mp3", num_frames: 600 }));
    const result = await run(join(project, "node_modules", ".bin", "oxen-contracts"), ["validate", SEED, "body.json"], project);
    expect(result).toMatchObject({ code: 1, stdout: "num_frames must be at most 481 (got 600)\n" });
  });

  it("carries the schemas' documentation in its declaration files", async () => {
    const dts = await readFile(join(project, "node_modules", "oxen-contracts", "dist", "esm", "generated", "models", `${SEED}.d.ts`), "utf8");
    expect(dts).toMatch(/The number of frames to generate\.\s+\*\s+\*\s+@minimum 9\s+\*\s+@maximum 481\s+\*\s+@default 121\s+\*\/\s+num_frames\?: number;/);
    expect(dts).toContain('Allowed values: "low", "medium", "high", "maximum"');
    expect(dts).toContain('video_quality?: ("low" | "medium" | "high" | "maximum");');
  });

  it("passes @arethetypeswrong/cli for every kind of entry point", async () => {
    const entries = [".", "./runtime", "./mock", `./models/${SEED}`, "./models/happyhorse-1.0-t2v", "./package.json"];
    const result = await run(join(ROOT, "node_modules", ".bin", "attw"), [tarball, "--entrypoints", ...entries, "--format", "ascii"], work);
    expect(result.stdout + result.stderr).toContain("No problems found");
    expect(result.code).toBe(0);
  });
});

describe.each([
  ["TypeScript 5.9", join(ROOT, "node_modules", "typescript", "bin", "tsc")],
  ["TypeScript 7", join(ROOT, "node_modules", "typescript-7", "bin", "tsc")],
])("a %s consumer", (_name, tsc) => {
  it.each(["node16", "bundler"])("with moduleResolution %s: correct code compiles, each mistake is a compile error", async (resolution) => {
    const result = await run(process.execPath, [tsc, "-p", `tsconfig.${resolution}.json`], project);
    const errors = [...result.stdout.matchAll(/^(\S+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, , message]) => ({ file, line: Number(line), message }));
    expect(errors.filter((e) => e.file !== "wrong.ts"), result.stdout).toEqual([]);
    const byLine = new Map(errors.map((e) => [e.line, e.message]));
    expect([...byLine.keys()].sort(), result.stdout).toEqual([6, 7, 8]);
    expect(byLine.get(6)).toContain("input_adio");
    expect(byLine.get(7)).toContain('"ultra"');
    expect(byLine.get(8)).toContain('"no-such-model"');
  });
});

describe("bundle size", () => {
  async function minified(contents: string): Promise<number> {
    const out = await build({ stdin: { contents, resolveDir: project, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
    return out.outputFiles[0]!.contents.byteLength;
  }

  it("stays within the budget written in test/consumer/size-budget.json", async () => {
    const budget = JSON.parse(await readFile(join(import.meta.dirname, "size-budget.json"), "utf8"));
    const measured = {
      oneModelValidateAndEnqueue: await minified(`export { validate, enqueue } from "oxen-contracts/models/${SEED}";`),
      wholeIndex: await minified(`export * from "oxen-contracts";`),
    };
    console.log(`minified bytes: ${JSON.stringify(measured)}`);
    expect(measured.oneModelValidateAndEnqueue).toBeLessThanOrEqual(budget.oneModelValidateAndEnqueue);
    expect(measured.wholeIndex).toBeLessThanOrEqual(budget.wholeIndex);
    expect(measured.oneModelValidateAndEnqueue * 5).toBeLessThan(measured.wholeIndex);
  });
});

// Chromium comes from Debian's package (.ci/run installs it and sets OXEN_BROWSER_REQUIRED=1);
// on a machine without it the test says so and is skipped.
const browserMissing = !existsSync(CHROMIUM) && !process.env.OXEN_BROWSER_REQUIRED;
describe.skipIf(browserMissing)(`in Chromium${browserMissing ? ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)` : ""}`, () => {
  it("a bundled page validates a body and enqueues a generation against the local server", async () => {
    const bundle = await build({ entryPoints: [join(project, "page.ts")], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
    const page = bundle.outputFiles[0]!.text;
    const mock = await import(pathToFileURL(join(project, "node_modules", "oxen-contracts", "dist", "esm", "mock", "index.js")).href);
    const api = await mock.startMockServer({ timings: { queuedMs: 50, processingMs: 100 } });
    const site = createServer((req, res) => {
      const js = req.url === "/page.js";
      res.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
      res.end(js ? page : '<!doctype html><title>loading</title><script type="module" src="/page.js"></script>');
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const tab = await browser.newPage();
      const address = site.address() as { port: number };
      await tab.goto(`http://127.0.0.1:${address.port}/?api=${encodeURIComponent(api.url)}&key=${mock.DEMO_API_KEY}`);
      await tab.waitForFunction(() => document.title !== "loading", undefined, { timeout: 20_000 });
      expect(await tab.title(), await tab.textContent("body") ?? "").toBe("done");
      expect(JSON.parse((await tab.textContent("body"))!)).toEqual({ invalid: ["video_quality must be one of: low, medium, high, maximum"], handles: 1, modelId: SEED });
      expect(api.paidSubmissions).toBe(1);
    } finally {
      await browser.close();
      await new Promise((resolve) => site.close(resolve));
      await api.close();
    }
  }, 60_000);
});
