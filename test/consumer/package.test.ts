// What users install is the tarball: pack it, install it into a fresh project, and use it as a
// consumer would, in Node ESM, Node CommonJS, TypeScript 5.9 and 7, and a real Chromium.
import { build } from "esbuild";
import { browserBundle, splitBundle } from "../../bench/bundle.js";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runProcess, tempDir, type ProcessRun } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "fixtures");
const EXAMPLES = join(ROOT, "examples");
const CHROMIUM = "/usr/bin/chromium";
const SEED = "ltx-2-3-quality-audio-to-video";
function run(command: string, args: string[], cwd: string): Promise<ProcessRun> {
  return runProcess(command, args, { cwd });
}

let work: string;
/** The client package's tarball. */
let tarball: string;
/** The generator package's tarball. */
let generatorTarball: string;
/** A project with the client alone installed. */
let project: string;

/** `npm pack` of the folder `dir` into `work`; the tarball's path. */
async function pack(dir: string): Promise<string> {
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], dir);
  expect(packed.code, packed.stderr).toBe(0);
  return join(work, JSON.parse(packed.stdout)[0].filename);
}

beforeAll(async () => {
  work = await tempDir();
  // One build of both packages from the current sources, then each is packed as it is published.
  const built = await run("npm", ["run", "build"], ROOT);
  expect(built.code, built.stderr).toBe(0);
  tarball = await pack(ROOT);
  generatorTarball = await pack(join(ROOT, "dist", "generator-package"));
  project = join(work, "consumer");
  await cp(FIXTURES, project, { recursive: true });
  await cp(EXAMPLES, project, { recursive: true });
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "0.0.0", private: true }));
  const installed = await run("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

/** Bytes of every file under `dir`. */
async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

describe("the client package installed alone", () => {
  it("is exactly one package, with no dependencies", async () => {
    const listed = await run("npm", ["ls", "--all", "--json"], project);
    const tree = JSON.parse(listed.stdout) as { dependencies: Record<string, { version: string; dependencies?: object }> };
    expect(Object.keys(tree.dependencies)).toEqual(["oxen-contracts"]);
    expect(tree.dependencies["oxen-contracts"]!.dependencies).toBeUndefined();
    expect((await readdir(join(project, "node_modules"))).filter((f) => !f.startsWith("."))).toEqual(["oxen-contracts"]);
    expect(await readdir(join(project, "node_modules", ".bin"))).toEqual(["oxen-contracts"]);
  });

  it("stays under its installed-size budget", async () => {
    const budget = JSON.parse(await readFile(join(import.meta.dirname, "size-budget.json"), "utf8"));
    const bytes = await treeBytes(join(project, "node_modules", "oxen-contracts"));
    console.log(`installed bytes: ${bytes}`);
    expect(bytes).toBeLessThanOrEqual(budget.installedBytes);
  });

  it("answers the generator's commands with what to install, in one line", async () => {
    const result = await run(join(project, "node_modules", ".bin", "oxen-contracts"), ["generate"], project);
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "oxen-contracts generate: needs the generator, a separate package: npm install --save-dev oxen-contracts-generator\n" });
  });

  it("prints its version", async () => {
    const result = await run(join(project, "node_modules", ".bin", "oxen-contracts"), ["--version"], project);
    expect(result).toMatchObject({ code: 0, stdout: `oxen-contracts@${JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")).version}\n` });
  });
});

/** A user's project with both packages installed: where it lives and how its `oxen-contracts` command is reached. */
interface UserProject {
  app: string;
  bin: string;
}

const USER_MODELS = ["ltx-2-3-pro-audio-to-video", "flux-3-video"];
const npmInstall = ["--prefer-offline", "--no-audit", "--no-fund"];

async function installed(result: Promise<ProcessRun>): Promise<void> {
  const { code, stdout, stderr } = await result;
  expect(code, stdout + stderr).toBe(0);
}

async function npmProject(): Promise<UserProject> {
  const app = join(work, "npm-app");
  await mkdir(app);
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "npm-app", version: "1.0.0", private: true, type: "module" }));
  await installed(run("npm", ["install", tarball, ...npmInstall], app));
  await installed(run("npm", ["install", "--save-dev", generatorTarball, ...npmInstall], app));
  return { app, bin: join(app, "node_modules", ".bin", "oxen-contracts") };
}

async function pnpmProject(): Promise<UserProject> {
  const app = join(work, "pnpm-app");
  await mkdir(app);
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "pnpm-app", version: "1.0.0", private: true, type: "module" }));
  // The generator depends on oxen-contracts by version; until that version is on the registry, point it at the tarball.
  await writeFile(join(app, "pnpm-workspace.yaml"), `overrides:\n  oxen-contracts: ${JSON.stringify(`file:${tarball}`)}\n`);
  const pnpm = join(ROOT, "node_modules", ".bin", "pnpm");
  await installed(run(pnpm, ["add", tarball], app));
  await installed(run(pnpm, ["add", "--save-dev", generatorTarball], app));
  return { app, bin: join(app, "node_modules", ".bin", "oxen-contracts") };
}

async function npmWorkspace(): Promise<UserProject> {
  const root = join(work, "workspace");
  const app = join(root, "packages", "app");
  await mkdir(app, { recursive: true });
  await writeFile(join(root, "package.json"), JSON.stringify({ name: "workspace", private: true, workspaces: ["packages/app"] }));
  await writeFile(
    join(app, "package.json"),
    JSON.stringify({ name: "app", version: "1.0.0", private: true, type: "module", dependencies: { "oxen-contracts": `file:${tarball}` }, devDependencies: { "oxen-contracts-generator": `file:${generatorTarball}` } }),
  );
  await installed(run("npm", ["install", ...npmInstall], root));
  return { app, bin: join(root, "node_modules", ".bin", "oxen-contracts") };
}

describe.each([
  ["an npm project", npmProject],
  ["a pnpm project", pnpmProject],
  ["an npm workspace", npmWorkspace],
])("the generator beside the client in %s", (_where, setUp) => {
  it("generates a user's snapshot into src/generated/, which compiles and which validate judges", async () => {
    const { app, bin } = await setUp();
    const snapshot = join(app, "contracts");
    await mkdir(join(snapshot, "models"), { recursive: true });
    await cp(join(ROOT, "schemas", "hub-openapi.json"), join(snapshot, "hub-openapi.json"));
    for (const id of USER_MODELS) await cp(join(ROOT, "schemas", "models", `${id}.json`), join(snapshot, "models", `${id}.json`));

    const generated = await run(bin, ["generate", "--schemas", "contracts", "--out", "src/generated"], app);
    expect(generated.code, generated.stderr).toBe(0);
    const module = await readFile(join(app, "src", "generated", "models", "flux-3-video.ts"), "utf8");
    expect(module.split("\n")[0]).toBe("// Generated by oxen-contracts. Do not edit: change the snapshot and run `oxen-contracts generate --schemas contracts --out src/generated`.");
    expect(module).toContain('from "oxen-contracts/runtime";');
    expect(module).not.toContain("node_modules");

    await writeFile(
      join(app, "src", "app.ts"),
      [
        'import { videoUrls } from "oxen-contracts/runtime";',
        'import { generate, validate, type Flux3VideoInput } from "./generated/models/flux-3-video.js";',
        'const input: Flux3VideoInput = { prompt: "a choir" };',
        "export const ok: boolean = validate(input).ok;",
        "export const urls = async (): Promise<string[]> => videoUrls(await generate(input));",
        "",
      ].join("\n"),
    );
    await writeFile(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM"], module: "Node16", moduleResolution: "node16", types: [] }, include: ["src"] }),
    );
    const tsc = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", app], app);
    expect(tsc.stdout + tsc.stderr).toBe("");

    await writeFile(join(app, "good.json"), JSON.stringify({ model: "ltx-2-3-pro-audio-to-video", prompt: "a choir", input_audio: "https://example.com/a.mp3" }));
    await writeFile(join(app, "bad.json"), JSON.stringify({ prompt: 3, input_audio: "https://example.com/a.mp3" }));
    const judge = (file: string): Promise<ProcessRun> => run(bin, ["validate", "ltx-2-3-pro-audio-to-video", file, "--generated", "src/generated"], app);
    expect(await judge("good.json")).toMatchObject({ code: 0, stdout: "valid: ltx-2-3-pro-audio-to-video\n" });
    expect(await judge("bad.json")).toMatchObject({ code: 1, stdout: "prompt must be a string (got 3)\n" });
    expect(await run(bin, ["validate", "minimax-h3", "good.json", "--generated", "src/generated"], app)).toMatchObject({ code: 2 });
  }, 240_000);
});

describe("both tarballs", () => {
  it.each([
    ["oxen-contracts", () => tarball],
    ["oxen-contracts-generator", () => generatorTarball],
  ])("%s passes publint", async (_name, file) => {
    const result = await run(join(ROOT, "node_modules", ".bin", "publint"), [file(), "--strict"], work);
    expect(result.stdout + result.stderr).toContain("All good!");
    expect(result.code).toBe(0);
  });

  it("the generator's passes @arethetypeswrong/cli as the ESM-only package it is", async () => {
    const result = await run(join(ROOT, "node_modules", ".bin", "attw"), [generatorTarball, "--profile", "esm-only", "--format", "ascii"], work);
    expect(result.stdout).toContain("node16 (from ESM): 🟢 (ESM)");
    expect(result.stdout).toMatch(/bundler: 🟢 \n/);
    expect(result.code, result.stdout).toBe(0);
  });

  it("the generator's holds its build, templates and licence, and no sources or tests", async () => {
    const { stdout } = await run("tar", ["tzf", generatorTarball], work);
    const files = stdout.trim().split("\n").map((f) => f.replace(/^package\//, ""));
    for (const f of ["generator/cli.js", "generator/cli.d.ts", "templates/model.ts.hbs", "bin/oxen-contracts-generator.js", "LICENSE", "README.md", "CHANGELOG.md"]) expect(files).toContain(f);
    expect(files.filter((f) => /\.test\.|(^|\/)test\/|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });
});

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

  it("runs examples/node-esm.mjs: a generation from Node ESM import", async () => {
    const result = await run(process.execPath, ["node-esm.mjs"], project);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, invalid: ["num_frames must be at most 481 (got 600)"], status: "succeeded", fileStatus: 200 });
  });

  it("runs examples/node-cjs.cjs: a generation from Node CommonJS require", async () => {
    const result = await run(process.execPath, ["node-cjs.cjs"], project);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, invalid: ["num_frames must be at most 481 (got 600)"], status: "succeeded", fileStatus: 200 });
  });

  it("loads one model without loading the others", async () => {
    const result = await run(process.execPath, ["isolation.cjs"], project);
    expect(JSON.parse(result.stdout).sort()).toEqual([`models/${SEED}.js`, `validators/${SEED}.js`]);
  });

  it("loads no model with the whole index, and only the model a client call names", async () => {
    const result = await run(process.execPath, ["lazy-index.cjs"], project);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ atImport: [], afterCall: [`models/${SEED}.js`, `validators/${SEED}.js`], refused: ["input_audio is required"] });
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
    const entries = [".", "./all-models", "./runtime", "./mock", `./models/${SEED}`, "./models/happyhorse-1.0-t2v", "./package.json"];
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
  const bundle = async (contents: string): Promise<string> => new TextDecoder().decode(await browserBundle(project, contents));
  const minified = async (contents: string): Promise<number> => (await browserBundle(project, contents)).byteLength;

  it("stays within the budget written in test/consumer/size-budget.json", async () => {
    const budget = JSON.parse(await readFile(join(import.meta.dirname, "size-budget.json"), "utf8"));
    const index = await splitBundle(project, `export * from "oxen-contracts";`);
    const measured = {
      oneModelValidateAndEnqueue: await minified(`export { validate, enqueue } from "oxen-contracts/models/${SEED}";`),
      oneModelValidate: await minified(`export { validate } from "oxen-contracts/models/${SEED}";`),
      // What loads before the app runs: each model's chunk loads when a call first names the model.
      wholeIndex: index.atStartBytes,
    };
    console.log(`minified bytes: ${JSON.stringify(measured)}`);
    expect(measured.oneModelValidateAndEnqueue).toBeLessThanOrEqual(budget.oneModelValidateAndEnqueue);
    expect(measured.oneModelValidate).toBeLessThanOrEqual(budget.oneModelValidate);
    expect(measured.wholeIndex).toBeLessThanOrEqual(budget.wholeIndex);
    // One model's bundle carries no other model: not one other id is in it.
    const one = await bundle(`export { validate, enqueue } from "oxen-contracts/models/${SEED}";`);
    const others = (await readdir(join(import.meta.dirname, "..", "..", "schemas", "models"))).map((f) => f.replace(/\.json$/, "")).filter((id) => id !== SEED);
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((id) => one.includes(JSON.stringify(id)))).toEqual([]);
    // validate alone carries no transport: enqueue adds it (and its retries and errors), not the other way round.
    expect(measured.oneModelValidate).toBeLessThan(measured.oneModelValidateAndEnqueue);
    // The index's code at start holds no model's validator: the seed's enum values are in its own chunk alone.
    expect(index.atStart).not.toContain('"portrait_16_9"');
    expect(index.onDemand.filter((chunk) => chunk.includes(JSON.stringify(SEED)) && chunk.includes('"portrait_16_9"'))).toHaveLength(1);
  });
});

// Chromium comes from Debian's package (.ci/run installs it and sets OXEN_BROWSER_REQUIRED=1);
// on a machine without it the test says so and is skipped.
const browserMissing = !existsSync(CHROMIUM) && !process.env.OXEN_BROWSER_REQUIRED;
describe.skipIf(browserMissing)(`in Chromium${browserMissing ? ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)` : ""}`, () => {
  it("examples/browser-page.ts, bundled, validates a body and enqueues a generation against the local server", async () => {
    const bundle = await build({ entryPoints: [join(project, "browser-page.ts")], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
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
