// A generated validator's errors, explained in words a person reads. What only some schemas need
// (unions, Ajv's messages for the rarer keywords, the general closed-mode walk, media URLs) is in
// files of its own, passed in as ValidatorParts: runValidator passes every one, a generated model
// only those its schema can need.
import { ajvMessage } from "./ajv-messages.js";
import { unknownKeys, type KeyNode, type UnknownKey } from "./declared-keys.js";
import { dataOf, displayPath, pathKeys } from "./error-paths.js";
import { mediaUrlCheck, type MediaCheck } from "./media.js";
import { explainUnions, type UnionExplanation } from "./union-errors.js";
import type { AjvError, StandaloneValidator } from "./validator-support.js";

export { displayPath } from "./error-paths.js";

/** A generated validator module: the schema's own check, and the keys it declares (for the closed mode). */
export interface ModelValidator {
  validate: StandaloneValidator;
  declaredKeys: readonly KeyNode[];
}

/** One problem with a request body, in words a person reads. */
export interface FieldError {
  /** Where: `num_frames`, `images[0].url`; "" for the body itself. */
  path: string;
  /** `num_frames must be at most 481 (got 600)` */
  message: string;
  /** The JSON Schema keyword that failed (`maximum`, `enum`, `additionalProperties`, ...). */
  keyword: string;
  params: Record<string, unknown>;
}

export type ValidationResult = { ok: true } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** Let keys the schema does not list through, as the API itself does. Default false. */
  allowUnknown?: boolean;
}

/** A FieldError and where it is, as the keys leading to it. */
export interface LocatedError {
  error: FieldError;
  at: (string | number)[];
}

/** Ajv's message for an error of `keyword` with `params` (ajv-messages.ts). */
export type AjvMessage = (keyword: string, params: Record<string, unknown>) => string;

/**
 * The parts of an explanation that only some schemas need, each in a file of its own: a generated
 * model passes those its schema can need (generator/emit/validator-parts.ts), so that a bundle of
 * it carries no other.
 */
export interface ValidatorParts {
  /** The closed mode's walk of the declared-key table: declared-keys.ts's, or flat-keys.ts's for one flat object. */
  unknownKeys: (table: readonly KeyNode[], data: unknown) => UnknownKey[];
  /** For a validator that can report an anyOf or oneOf error (union-errors.ts). */
  explainUnions?: (errors: AjvError[], input: unknown) => UnionExplanation;
  /** For one that can report a keyword `fieldError` has no words for (ajv-messages.ts). */
  ajvMessage?: AjvMessage;
  /** For a model with media parameters (media.ts, `mediaUrlCheck`). */
  media?: MediaCheck;
}

/** The keywords `fieldError` has words for: an error of any other needs `ajvMessage`. */
export const WORDED_KEYWORDS: ReadonlySet<string> = new Set(["required", "additionalProperties", "type", "enum", "const", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "maxItems", "minItems", "format", "pattern", "multipleOf", "uniqueItems"]);

/**
 * What a generated validator finds in `input`: the schema's own errors, then (unless
 * `allowUnknown`) every key that nothing in the schema declares at its place, then what `parts.media`
 * finds in the media URLs.
 */
export function findErrors(validator: ModelValidator, parts: ValidatorParts, input: unknown, options?: ValidateOptions): LocatedError[] {
  // A body the schema accepts, the usual case, has no errors of its own to explain.
  if (validator.validate(input)) return withMedia(parts, unknownKeyErrors(validator, parts, input, options, NONE), input);
  const raw = validator.validate.errors ?? [];
  const unions = parts.explainUnions?.(raw, input);
  const own = unions?.errors ?? raw;
  const errors: LocatedError[] = [];
  const seen = new Set<string>();
  for (const e of own) {
    if (unions?.covered.has(e)) continue;
    const error = unions?.said.get(e) ?? fieldError(e, input, parts.ajvMessage);
    // The same problem reached twice (a property checked where declared and again through a `$ref`) is said once.
    const key = `${error.path}\u0000${error.keyword}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ error, at: pathKeys(e.instancePath, e.params.missingProperty ?? e.params.additionalProperty) });
  }
  errors.push(...unknownKeyErrors(validator, parts, input, options, own));
  return withMedia(parts, errors, input);
}

function withMedia(parts: ValidatorParts, errors: LocatedError[], input: unknown): LocatedError[] {
  return parts.media === undefined ? errors : parts.media(errors, input);
}

/** Every key of `input` nothing declares, unless unknown keys are allowed. */
function unknownKeyErrors(validator: ModelValidator, parts: ValidatorParts, input: unknown, options: ValidateOptions | undefined, own: readonly AjvError[]): LocatedError[] {
  if (options?.allowUnknown) return [];
  const unknown = parts.unknownKeys(validator.declaredKeys, input);
  if (unknown.length === 0) return [];
  // An `additionalProperties: false` of the schema's own has already named its key.
  const named = new Set(own.filter((e) => e.keyword === "additionalProperties").map((e) => `${e.instancePath}/${String(e.params.additionalProperty)}`));
  return unknown.filter((u) => !named.has(`${u.instancePath}/${u.key}`)).map((u) => ({ error: unknownKeyError(u), at: pathKeys(u.instancePath, u.key) }));
}

/** Nothing: no errors of the schema's own (never added to). */
const NONE: readonly never[] = [];

/** Runs a generated validator and explains what it found with `parts` (see `findErrors`): what a generated model's `validate` does. */
export function validateWith(validator: ModelValidator, parts: ValidatorParts, input: unknown, options?: ValidateOptions): ValidationResult {
  const errors = findErrors(validator, parts, input, options);
  return errors.length === 0 ? { ok: true } : { ok: false, errors: errors.map((e) => e.error) };
}

/**
 * validateWith with every part, for a validator of any schema; `media` names the parameters whose
 * URLs are also checked for what the server can fetch (see media.ts).
 */
export function runValidator(validator: ModelValidator, input: unknown, options?: ValidateOptions, media?: readonly string[]): ValidationResult {
  return validateWith(validator, { unknownKeys, explainUnions, ajvMessage, media: media === undefined ? undefined : mediaUrlCheck(media) }, input, options);
}

function unknownKeyError({ instancePath, key, known }: UnknownKey): FieldError {
  const at = displayPath(instancePath);
  const suggestion = closestName(key, known);
  const hint = suggestion !== undefined ? `; did you mean ${suggestion}?` : known.length > 0 ? ` (known: ${known.join(", ")})` : "";
  const where = at === "" ? "" : ` in ${at}`;
  return { keyword: "additionalProperties", params: { additionalProperty: key, suggestion }, path: displayPath(instancePath, key), message: `${key} is not a known parameter${where}${hint}` };
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ") : String(values);
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

/** The Ajv error `e` of `input` in words; `ajvMessage` says what no case here has words for. */
function fieldError(e: AjvError, input: unknown, ajvMessage: AjvMessage | undefined): FieldError {
  const p = e.params;
  const base = { keyword: e.keyword, params: p };
  const at = displayPath(e.instancePath);
  const subject = at === "" ? "the request body" : at;
  // Only the messages that show the value read it: a `required` error's data is the whole body.
  const got = (): string => ` (got ${shown(dataOf(e, input))})`;
  switch (e.keyword) {
    case "required": {
      const path = displayPath(e.instancePath, String(p.missingProperty));
      return { ...base, path, message: `${path} is required` };
    }
    case "additionalProperties": {
      const known = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      const error = unknownKeyError({ instancePath: e.instancePath, key: String(p.additionalProperty), known });
      return { ...error, params: { ...p, suggestion: error.params.suggestion } };
    }
    case "type": {
      const types = String(p.type).split(",").map((t) => TYPE_WORDS[t] ?? t);
      return { ...base, path: at, message: `${subject} must be ${types.join(" or ")}${got()}` };
    }
    case "enum":
      return { ...base, path: at, message: `${subject} must be one of: ${list(p.allowedValues)}` };
    case "const":
      return { ...base, path: at, message: `${subject} must be ${shown(p.allowedValue)}${got()}` };
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum": {
      const word = { maximum: "at most", minimum: "at least", exclusiveMaximum: "less than", exclusiveMinimum: "greater than" }[e.keyword];
      return { ...base, path: at, message: `${subject} must be ${word} ${String(p.limit)}${got()}` };
    }
    case "maxLength":
    case "minLength":
      return { ...base, path: at, message: `${subject} must be ${e.keyword === "maxLength" ? "at most" : "at least"} ${String(p.limit)} characters long${got()}` };
    case "maxItems":
    case "minItems":
      return { ...base, path: at, message: `${subject} must have ${e.keyword === "maxItems" ? "at most" : "at least"} ${String(p.limit)} items` };
    case "format":
      return { ...base, path: at, message: `${subject} must be a valid ${String(p.format)}${got()}` };
    case "pattern":
      return { ...base, path: at, message: `${subject} must match the pattern ${String(p.pattern)}${got()}` };
    case "multipleOf":
      return { ...base, path: at, message: `${subject} must be a multiple of ${String(p.multipleOf)}${got()}` };
    case "uniqueItems":
      return { ...base, path: at, message: `${subject} must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)` };
    default:
      // Every validator that can report such a keyword is explained with ajvMessage (generator/emit/validator-parts.ts).
      return { ...base, path: at, message: `${subject} ${ajvMessage!(e.keyword, p)}` };
  }
}

/** Edit distance, for did-you-mean: one row of the table, updated in place. */
function distance(a: string, b: string): number {
  const row: number[] = [];
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name a typo most likely meant: close in edits relative to its length, or the same but for case. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    // The lengths differ by no more than the distance: a candidate that cannot beat the best is not measured.
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : Math.abs(candidate.length - name.length) >= bestScore ? bestScore : distance(name, candidate);
    if (d < bestScore) [best, bestScore] = [candidate, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
