// Where the two sides of a diff come from: a snapshot folder, the schemas/ folder at a git ref,
// or the live API.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../cli/errors.js";
import { loadSnapshot } from "../load/load.js";
import type { ModelContract } from "../load/model.js";

export interface SourceContext {
  /** Where `git:<ref>` is looked up. */
  cwd: string;
  /** Fetches the live models (only called for `live`). */
  live(): Promise<ModelContract[]>;
}

/** The models of one side: `live`, `git:<ref>`, or a snapshot folder. */
export async function loadSide(spec: string, context: SourceContext): Promise<ModelContract[]> {
  if (spec === "live") return context.live();
  if (spec.startsWith("git:")) return gitModels(spec.slice(4), context.cwd);
  return (await loadSnapshot(spec)).models;
}

/** The models of the repository's schemas/ folder at `ref`, unpacked into a temporary folder. */
async function gitModels(ref: string, cwd: string): Promise<ModelContract[]> {
  // A ref that starts with "-" would be read as an option.
  if (ref === "" || ref.startsWith("-")) throw new InputError(`git:${ref}: expected a git ref, e.g. git:HEAD or git:v1.2.0`);
  const dir = await mkdtemp(join(tmpdir(), "oxen-contracts-git-"));
  try {
    await gitArchive(cwd, `${ref}:schemas`, dir).catch((error: Error) => {
      throw new InputError(`git:${ref}: cannot read schemas/ at that ref (${error.message})`);
    });
    return (await loadSnapshot(dir)).models;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `git archive <tree> | tar -x -C <dir>`, without a shell. Rejects with git's (or tar's) first error line. */
function gitArchive(cwd: string, tree: string, dir: string): Promise<void> {
  const git = spawn("git", ["archive", "--format=tar", tree], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const tar = spawn("tar", ["-x", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
  git.stdout.pipe(tar.stdin);
  // When tar stops early its exit status says why; the broken pipe adds nothing.
  tar.stdin.on("error", () => {});
  const run = (child: typeof git | typeof tar) =>
    new Promise<{ code: number; error: string }>((done) => {
      const err: string[] = [];
      child.stderr!.on("data", (chunk: Buffer) => err.push(chunk.toString()));
      child.on("error", (error) => done({ code: -1, error: error.message }));
      child.on("close", (code) => done({ code: code ?? -1, error: err.join("").trim().split("\n")[0] ?? "" }));
    });
  return Promise.all([run(git), run(tar)]).then(([g, t]) => {
    const failed = g.code !== 0 ? g : t.code !== 0 ? t : undefined;
    if (failed !== undefined) throw new Error(failed.error || `exit status ${failed.code}`);
  });
}
