// A model's input on its way to a request: validated, its local files uploaded, validated again.
import { ValidationError } from "./errors.js";
import { findLocalFiles, type LocalFile } from "./local-files.js";
import type { RequestOptions } from "./transport.js";
import type { UploadProgress } from "./uploads.js";
import type { ValidateOptions, ValidationResult } from "./validation.js";

/** What a generated model module hands the client: its id, its validator and its schema hash. */
export interface ModelRef<Input = unknown> {
  readonly id: string;
  validate(input: unknown, options?: ValidateOptions): ValidationResult;
  /** sha256 of the request schema the validator was made from; recorded in handles. */
  readonly schemaSha256?: string;
  /** Parameters that take a media URL (and a local file, uploaded first, when the client has `uploads`). */
  readonly media?: readonly string[];
  /** Carries the input type for inference only; never set. */
  readonly __input?: Input;
}

export interface InputOptions extends RequestOptions, ValidateOptions {
  /** Progress of the uploads of local files given for media parameters (`parameter`: `input_audio`, `input_images[1]`). */
  onUploadProgress?: (progress: UploadProgress & { parameter: string }) => void;
}

/**
 * Uploads one local file given for a media parameter and returns its URL (the client's `uploads`).
 * Passed in rather than imported, so that a call that cannot upload does not carry the upload code.
 */
export type Uploader = (file: LocalFile, options: { signal?: AbortSignal; onProgress?: (progress: UploadProgress) => void }) => Promise<{ url: string }>;

/** Stands in for a file's URL while the rest of the input is checked, before anything is uploaded. */
const PENDING_UPLOAD = "https://uploads.invalid/pending";

/** Throws ValidationError when `input` fails `model`'s validator; nothing is sent. */
export function checkInput(model: ModelRef, input: unknown, options: ValidateOptions = {}): void {
  const result = model.validate(input, options);
  if (!result.ok) throw new ValidationError(model.id, result.errors);
}

/**
 * Validates `input` and uploads its local files through `upload`, checking everything else first:
 * returns the body to send. Nothing is sent for the generation before every upload has succeeded.
 */
export async function prepareInput(upload: Uploader | undefined, model: ModelRef, input: unknown, options: InputOptions = {}): Promise<Record<string, unknown>> {
  const { body, files } = findLocalFiles(input, model.media ?? []);
  if (files.length === 0) {
    checkInput(model, input, options);
    return input as Record<string, unknown>;
  }
  if (upload === undefined) {
    const hint = "give the client an upload target, new OxenClient({ uploads: { namespace, repo } }), or pass a URL";
    throw new ValidationError(model.id, files.map((f) => ({ path: f.path, keyword: "format", params: { format: "media-url", local: true }, message: `${f.path} is a local file: ${hint}` })));
  }
  for (const f of files) f.set(PENDING_UPLOAD);
  checkInput(model, body, options);
  for (const f of files) {
    const onProgress = options.onUploadProgress && ((p: UploadProgress) => options.onUploadProgress!({ ...p, parameter: f.path }));
    f.set((await upload(f.file, { signal: options.signal, onProgress })).url);
  }
  checkInput(model, body, options);
  return body as Record<string, unknown>;
}
