// `oxen-contracts run` and `models`: through a real pseudo-terminal (util-linux `script`) for
// progress and Ctrl-C, as plain processes for --json and exit codes, and in-process for the help of
// every model and flags built from every documented example body.
import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Io } from "../cli/args.js";
import { main } from "../cli/main.js";
import { coerce, paramsOf } from "../cli/params.js";
import { parseRunArgs } from "../cli/run-args.js";
import { loadSnapshot } from "../cli/snapshot.js";
import * as generated from "../generated/all-models.js";
import { type MockServerOptions } from "../mock/index.js";
import { CANARY_KEY, runProcess, SCHEMAS, serverForTest, tempDir } from "./helpers.js";

const BIN = join(import.meta.dirname, "..", "bin", "oxen-contracts.js");
const ID = "ltx-2-3-quality-audio-to-video";
const WAV = Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"), Buffer.alloc(4096, 7)]);

/** A folder with choir.wav, and the local server. */
async function setup(timings: MockServerOptions["timings"]) {
  const server = await serverForTest({ timings: { keepAliveMs: 1000, ...timings } });
  const dir = await tempDir();
  await writeFile(join(dir, "choir.wav"), WAV);
  const env: NodeJS.ProcessEnv = { ...process.env, OXEN_BASE_URL: server.url, OXEN_API_KEY: CANARY_KEY, TERM: "xterm" };
  delete env.CI;
  return { server, dir, env };
}

const quote = (arg: string): string => `'${arg.replace(/'/g, "'\\''")}'`;

/**
 * The command in a pseudo-terminal: its screen output so far, keys to press, its exit code.
 * `script` runs it through $SHELL; `exec` makes the command the terminal's process itself, since a
 * shell left waiting (dash, when SHELL is unset or /bin/sh) takes the Ctrl-C too and dies of it (130).
 */
function inTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn("script", ["-qfec", `exec ${[process.execPath, BIN, ...args].map(quote).join(" ")}`, "/dev/null"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  let screen = "";
  const waiters: [RegExp, () => void][] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    screen += chunk.toString();
    for (const [re, resolve] of waiters) if (re.test(screen)) resolve();
  });
  const exit = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  return {
    exit,
    screen: () => screen,
    waitFor: (re: RegExp) => new Promise<void>((resolve) => (re.test(screen) ? resolve() : waiters.push([re, resolve]))),
    press: (keys: string) => child.stdin.write(keys),
    kill: () => child.kill("SIGKILL"),
  };
}

const RUN = ["run", ID, "--prompt", "a choir", "--input-audio", "./choir.wav", "--upload-to", "me/assets", "--via", "poll"];

// A failure prints the screen.
describe("oxen-contracts run on a terminal", () => {
  it("uploads the file, shows live progress and saves the video at --out", async () => {
    const { server, dir, env } = await setup({ queuedMs: 200, processingMs: 800 });
    const term = inTerminal([...RUN, "--out", "choir.mp4"], dir, env);
    try {
      expect(await term.exit, term.screen()).toBe(0);
    } finally {
      term.kill();
    }
    const screen = term.screen();
    expect(screen).toMatch(/uploading input_audio · 4\.1 kB \/ 4\.1 kB · 0:0\d/);
    expect(screen).toMatch(/queued generation [0-9a-f-]{36}/);
    expect(screen).toMatch(/\r\x1b\[1A\x1b\[2Kqueued · 0:0\d/); // rewritten in place
    const id = /queued generation ([0-9a-f-]{36})/.exec(screen)![1]!;
    expect(screen).toMatch(new RegExp(`saved choir\\.mp4 \\(\\d+ B\\) from generation ${id} in 0:0\\d`));
    const video = await readFile(join(dir, "choir.mp4"));
    expect(video.subarray(4, 8).toString()).toBe("ftyp");
    expect(video.toString()).toContain(id);
    expect((await readdir(dir)).sort()).toEqual(["choir.mp4", "choir.wav"]);
    expect(server.generation(id)?.input_audio).toMatch(new RegExp(`^${server.url}/api/repos/me/assets/file/main/uploads/[0-9a-f]{64}\\.wav$`));
    expect(server.paidSubmissions).toBe(1);
  });

  it("Ctrl-C cancels the generation on the server and says so", async () => {
    const { server, dir, env } = await setup({ queuedMs: 100, processingMs: 60_000 });
    const term = inTerminal([...RUN, "--out", "choir.mp4"], dir, env);
    try {
      await term.waitFor(/queued · /);
      term.press("\x03");
      expect(await term.exit, term.screen()).toBe(1);
    } finally {
      term.kill();
    }
    const id = /queued generation ([0-9a-f-]{36})/.exec(term.screen())![1]!;
    expect(term.screen()).toContain(`Ctrl-C: cancelling generation ${id} on the server (Ctrl-C again to exit at once)`);
    expect(term.screen()).toContain(`cancelled: generation ${id} is cancelled on the server`);
    expect(server.generation(id)?.status).toBe("cancelled");
    expect(server.paidSubmissions).toBe(1);
    expect(await readdir(dir)).toEqual(["choir.wav"]);
  });

  it("a second Ctrl-C exits at once", async () => {
    const { server, dir, env } = await setup({ queuedMs: 100, processingMs: 60_000 });
    server.inject({ method: "DELETE", path: "/api/ai/queue/", delayMs: 20_000 });
    const term = inTerminal(RUN, dir, env);
    try {
      await term.waitFor(/queued · /);
      term.press("\x03");
      await term.waitFor(/Ctrl-C again to exit at once/);
      term.press("\x03");
      expect(await term.exit, term.screen()).toBe(130);
    } finally {
      term.kill();
    }
    expect(term.screen()).toContain("interrupted again: exiting now");
  });
});

describe("oxen-contracts run without a terminal", () => {
  it("--json prints one JSON result on stdout and nothing else", async () => {
    const { dir, env } = await setup({ queuedMs: 50, processingMs: 100 });
    const run = await runProcess(process.execPath, [BIN, ...RUN, "--json"], { cwd: dir, env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ ok: true, model: ID, status: "succeeded", file: `${ID}-${String(result.generationId)}.mp4` });
    expect((await readFile(join(dir, String(result.file)))).length).toBe(result.bytes);
  });

  it("in CI prints one plain line per phase, with no escape codes", async () => {
    const { dir, env } = await setup({ queuedMs: 50, processingMs: 100 });
    const run = await runProcess(process.execPath, [BIN, ...RUN, "--out", "v.mp4"], { cwd: dir, env: { ...env, CI: "1" } });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("\x1b");
    expect(run.stderr.split("\n")[0]).toBe("uploading input_audio");
    expect(run.stderr).toMatch(/^queued generation [0-9a-f-]{36}$/m);
    expect(run.stdout).toMatch(/^saved v\.mp4 /);
  });

  it.each([
    [["run", "ltx-2-3-qualty-audio-to-video"], 2, 'unknown model "ltx-2-3-qualty-audio-to-video"; did you mean ltx-2-3-quality-audio-to-video?'],
    [["run", ID, "--promt", "x"], 2, "--promt is not a parameter of ltx-2-3-quality-audio-to-video; did you mean --prompt?"],
    [["run", ID, "promt=x"], 2, "promt is not a parameter of ltx-2-3-quality-audio-to-video; did you mean prompt?"],
    [["run", ID, "--via", "sse"], 2, '--via must be poll or events, not "sse"'],
    [["run", ID, "--prompt", "x", "--input-audio", "./choir.wav"], 1, "input_audio is a local file path (\"./choir.wav\"), which the server cannot read: upload it: pass a File, or `--upload-to namespace/repo` on the command line"],
    [["run", ID, "--prompt", "x", "--input-audio", "https://e.com/a.mp3", "--num-frames", "many"], 1, '--num-frames must be an integer (got "many")'],
    [["run", ID, "--prompt", "x", "--input-audio", "https://e.com/a.mp3", "--resolution", "landscape_16_10"], 1, "--resolution must be one of: auto, square_hd, square, portrait_4_3, portrait_16_9, landscape_4_3, landscape_16_9 (got \"landscape_16_10\"); did you mean landscape_16_9?"],
    [["run", ID, "--prompt", "x", "--input-audio", "./missing.wav", "--upload-to", "me/assets"], 1, "input_audio: cannot read ./missing.wav (ENOENT)"],
  ])("%j exits %i: %s", async (args, code, message) => {
    const { server, dir, env } = await setup({});
    const run = await runProcess(process.execPath, [BIN, ...args], { cwd: dir, env });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(code);
    expect(server.requests).toEqual([]);
  });
});

/** Runs the command in this process, collecting what it prints. */
async function inProcess(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), stdin: async () => "", interactive: false, env: {} };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const snapshot = await loadSnapshot(SCHEMAS);
/** Every documented example body (schemas/examples/, copied from the corpus): [model, tab, body]. */
const examples: [string, string, Record<string, unknown>][] = [];
for (const file of (await readdir(join(SCHEMAS, "examples"))).sort()) {
  const tabs = JSON.parse(await readFile(join(SCHEMAS, "examples", file), "utf8")) as Record<string, Record<string, unknown>>;
  for (const [tab, { model, ...body }] of Object.entries(tabs)) examples.push([String(model), tab, body]);
}

describe("the parameters of every model", () => {
  it.each([...snapshot.keys()])("run %s --help lists every parameter with its facts", async (id) => {
    const { code, out } = await inProcess(["run", id, "--help"]);
    expect(code).toBe(0);
    const params = paramsOf(snapshot.get(id)!.schema);
    expect(out).toContain(`usage: oxen-contracts run ${id}`);
    for (const p of params) {
      expect(out).toContain(`\n  ${p.flag} `);
      if (p.schema.default !== undefined) expect(out).toContain(`default ${JSON.stringify(p.schema.default)}`);
      if (p.required) expect(out).toMatch(new RegExp(`\\n  ${p.flag} \\S+\\n      required`));
    }
  });

  it.each(examples)("flags built from %s's documented %s body give back that body, with its verdict", (id, tab, body) => {
    const params = paramsOf(snapshot.get(id)!.schema);
    const argv = Object.entries(body).flatMap(([name, value]) => {
      const flag = params.find((p) => p.name === name)!.flag;
      // A list: one flag per item (an empty one as JSON).
      if (Array.isArray(value)) return value.length === 0 ? [flag, "[]"] : value.flatMap((item) => [flag, typeof item === "string" ? item : JSON.stringify(item)]);
      return [flag, typeof value === "string" ? value : JSON.stringify(value)];
    });
    const args = parseRunArgs(argv, params, id);
    const rebuilt = Object.fromEntries([...args.given].map(([param, raws]) => [param.name, coerce(param, raws)]));
    expect(rebuilt).toEqual(body);
    // Every documented body validates, but the Pro model's "required" one, which its own page's prose (and so its overlay) rules out.
    expect(generated.validate(id, rebuilt)).toEqual(generated.validate(id, body));
    expect(generated.validate(id, rebuilt).ok).toBe(!(id === "ltx-2-3-pro-audio-to-video" && tab === "required"));
  });

  it("takes key=value, booleans without a value, --no-flag and JSON lists", () => {
    const params = paramsOf(snapshot.get("bytedance-seedance-2-0-reference-to-video")!.schema);
    const args = parseRunArgs(["prompt=a=b", "--generate-audio", "--no-watermark", "--input-images", '["https://e.com/a.png","https://e.com/b.png"]', "duration=5"], params, "x");
    expect(Object.fromEntries([...args.given].map(([p, raws]) => [p.name, coerce(p, raws)]))).toEqual({
      prompt: "a=b",
      generate_audio: true,
      watermark: false,
      input_images: ["https://e.com/a.png", "https://e.com/b.png"],
      duration: 5,
    });
  });
});

describe("oxen-contracts models", () => {
  it("lists every model, as text and as JSON", async () => {
    const text = await inProcess(["models"]);
    expect(text.out.split("\n")).toHaveLength(snapshot.size);
    expect(text.out).toMatch(/^ltx-2-3-quality-audio-to-video +LTX 2\.3 Quality: Audio to Video — High-quality audio-driven video$/m);
    const json = JSON.parse((await inProcess(["models", "--json"])).out) as { id: string }[];
    expect(json.map((m) => m.id).sort()).toEqual(Object.keys(generated.models).sort());
  });

  it("shows one model's parameter table, and suggests a close id for a wrong one", async () => {
    const one = await inProcess(["models", ID]);
    expect(one.out).toContain("  --num-frames INTEGER\n      optional; integer; default 121; range 9 to 481\n      The number of frames to generate.");
    const wrong = await inProcess(["models", "ltx-2-3-quality-audio-to-vidoe"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("did you mean ltx-2-3-quality-audio-to-video?");
  });
});
