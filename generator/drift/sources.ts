// Where the two sides of a diff come from: a folder of model objects, the schemas/ folder at a
// git ref, or the live API. A model that cannot be read is kept aside, never the end of the diff.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { InputError } from "../../cli/errors.js";
import { checkModels } from "../load/check-models.js";
import { byId, withOverlays } from "../load/load.js";
import { isObject, parseModel, type ModelContract } from "../load/model.js";

export interface SourceContext {
  /** Where `git:<ref>` is looked up. */
  cwd: string;
  /** Reads the live API as a side (only called for `live`). */
  live(): Promise<Side>;
}

/** A model file that cannot be read: reported as a change of its own, never the end of the report. */
export interface InvalidModel {
  /** The model's id when the file says it, else the file name without `.json`. */
  id: string;
  file: string;
  reason: string;
  /** The file's text, so an unchanged broken file is no change. */
  text: string;
}

/** One side of a diff: the models that can be read, those that cannot, and Oxen's OpenAPI document when there is one. */
export interface Side {
  models: ModelContract[];
  invalid: InvalidModel[];
  hub?: { document: Record<string, unknown> } | { error: string; file: string };
}

/** The readable models of one side (`live`, `git:<ref>`, or a snapshot folder). */
export async function loadSide(spec: string, context: SourceContext): Promise<ModelContract[]> {
  return (await readSide(spec, context)).models;
}

/** One side in full: `live`, `git:<ref>`, or a folder of `models/*.json` (hub-openapi.json and lock.json optional). */
export async function readSide(spec: string, context: SourceContext): Promise<Side> {
  if (spec === "live") return context.live();
  if (spec.startsWith("git:")) return gitSide(spec.slice(4), context.cwd);
  return readFolder(spec, spec);
}

/** The repository's schemas/ folder at `ref`, unpacked into a temporary folder; files named `git:<ref>:<path>`. */
async function gitSide(ref: string, cwd: string): Promise<Side> {
  // A ref that starts with "-" would be read as an option.
  if (ref === "" || ref.startsWith("-")) throw new InputError(`git:${ref}: expected a git ref, e.g. git:HEAD or git:v1.2.0`);
  const dir = await mkdtemp(join(tmpdir(), "oxen-contracts-git-"));
  try {
    await gitArchive(cwd, `${ref}:schemas`, dir).catch((error: Error) => {
      throw new InputError(`git:${ref}: cannot read schemas/ at that ref (${error.message})`);
    });
    return await readFolder(dir, `git:${ref}:schemas`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Reads every `models/*.json` of `dir` on its own: one that is not JSON, has no id or has an
 * invalid request schema is set aside with the reason. Only a missing models/ folder is an error.
 * `label` names the folder in messages.
 */
async function readFolder(dir: string, label: string): Promise<Side> {
  let files: string[];
  try {
    files = (await readdir(join(dir, "models"))).filter((f) => f.endsWith(".json")).sort();
  } catch {
    throw new InputError(`${join(label, "models")}: no such folder (a snapshot holds models/<id>.json files)`);
  }
  const read = readModels(await Promise.all(files.map(async (name) => ({ file: join(label, "models", name), text: await readFile(join(dir, "models", name), "utf8"), fallback: basename(name, ".json") }))));
  // Overlays carry the record of what they were reviewed against (overlay-upstream-changed reads it);
  // one that does not apply leaves its model as upstream has it.
  return { models: withOverlays(dir, read.models, []), invalid: read.invalid, ...(await readHub(dir, label)) };
}

/** A model object's text, where it was read (a file or a URL), and the id it goes by when it names none. */
export interface ModelText {
  file: string;
  text: string;
  fallback: string;
}

/**
 * Reads each model object on its own: one that is not JSON, has no id, has an invalid request
 * schema or repeats an id is set aside with the reason. The readable ones are sorted by id.
 */
export function readModels(texts: ModelText[]): Pick<Side, "models" | "invalid"> {
  const models: ModelContract[] = [];
  const invalid: InvalidModel[] = [];
  const seen = new Map<string, string>();
  for (const { file, text, fallback } of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      invalid.push({ id: fallback, file, reason: `not valid JSON (${(error as Error).message})`, text });
      continue;
    }
    const id = isObject(value) && typeof value.id === "string" && value.id !== "" ? value.id : fallback;
    try {
      const model = parseModel(value, file);
      // A schema the generator refuses is one `schema-invalid` line, as a file that is not a model is.
      const [refused] = checkModels([model]).failures;
      if (refused !== undefined) throw new InputError(`${refused.at}: ${refused.message}`);
      const other = seen.get(model.id);
      if (other !== undefined) throw new InputError(`${file}: model id "${model.id}" is also defined in ${other}`);
      seen.set(model.id, file);
      models.push(model);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      invalid.push({ id, file, reason: error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message, text });
    }
  }
  models.sort(byId);
  return { models, invalid };
}

/** hub-openapi.json when the folder has one; a side without it simply has no envelope to compare. */
async function readHub(dir: string, label: string): Promise<Pick<Side, "hub">> {
  const file = join(label, "hub-openapi.json");
  let text: string;
  try {
    text = await readFile(join(dir, "hub-openapi.json"), "utf8");
  } catch {
    return {};
  }
  try {
    const document: unknown = JSON.parse(text);
    return isObject(document) ? { hub: { document } } : { hub: { error: "expected an OpenAPI document (a JSON object)", file } };
  } catch (error) {
    return { hub: { error: `not valid JSON (${(error as Error).message})`, file } };
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
