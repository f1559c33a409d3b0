// Where the CLI finds models to judge: the package's own generated/, or a user's generated folder
// (`--generated DIR`), found through the marker that generate writes there.
import { readFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { runValidator, type ModelValidator, type ValidateOptions, type ValidationResult } from "../runtime/validation.js";
import { ValidationError } from "../runtime/errors.js";
import { InputError } from "./errors.js";

export type Validate = (input: unknown, options?: ValidateOptions) => ValidationResult;

/** What the CLI uses of a generated model module. */
export interface OwnModel {
  ref: { media?: readonly string[] };
  validate: Validate;
}

/**
 * The module of `modelId` among this package's own generated models, as they are on disk now (a
 * fresh `generate` is seen at once), this one alone loaded; an id that has none is an InputError
 * saying `unknown` (which names the closest id) and what else to do.
 */
export async function ownModel(modelId: string, unknown: (message: string) => string): Promise<OwnModel> {
  const { loadModel } = (await import(new URL("../generated/index.js", import.meta.url).href)) as { loadModel(id: string): Promise<OwnModel> };
  try {
    return await loadModel(modelId);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new InputError(unknown(error.errors[0]!.message));
  }
}

/** The validator of `modelId`, from `generatedDir` when given, else from this package's own models. */
export async function modelValidator(modelId: string, generatedDir?: string): Promise<Validate> {
  if (generatedDir === undefined) return (await ownModel(modelId, (message) => `${message} (this package's models; for your own, pass --generated DIR)`)).validate;
  const dir = resolve(generatedDir);
  const markerPath = join(dir, "oxen-contracts.json");
  let marker: { models?: Record<string, { validator?: unknown; media?: unknown }> };
  try {
    marker = JSON.parse(await readFile(markerPath, "utf8"));
  } catch (error) {
    throw new InputError(`${markerPath}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); --generated takes a folder made by \`oxen-contracts generate\``);
  }
  const entry = marker.models !== undefined && Object.hasOwn(marker.models, modelId) ? marker.models[modelId] : undefined;
  if (typeof entry?.validator !== "string") throw new InputError(`unknown model "${modelId}": not in ${markerPath}`);
  const file = resolve(dir, entry.validator);
  if (!file.startsWith(dir + sep)) throw new InputError(`${markerPath}: models/${modelId}/validator points outside the folder`);
  const check = (await import(pathToFileURL(file).href)) as ModelValidator;
  const media = Array.isArray(entry.media) ? entry.media.map(String) : [];
  return (input, options) => runValidator(check, input, options, media);
}
