import { ajvMessage } from "./ajv-messages.js";
import { unknownKeys, type KeyNode, type UnknownKey } from "./declared-keys.js";
import { mediaUrlErrors } from "./media.js";
import type { AjvError, StandaloneValidator } from "./validator-support.js";

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

/**
 * What a generated validator finds in `input`: the schema's own errors, then (unless
 * `allowUnknown`) every key that nothing in the schema declares at its place; `media` names the
 * parameters whose URLs are also checked for what the server can fetch (see media.ts).
 */
export function findErrors(validator: ModelValidator, input: unknown, options?: ValidateOptions, media: readonly string[] = NONE): LocatedError[] {
  // A body the schema accepts, the usual case, has no errors of its own to explain.
  if (validator.validate(input)) return withMediaErrors(unknownKeyErrors(validator, input, options, NONE), mediaUrlErrors(input, media));
  const own = applicableBranches(validator.validate.errors ?? []);
  const alternatives = requiredAlternatives(own, input);
  const errors: LocatedError[] = [];
  const seen = new Set<string>();
  for (const e of own) {
    if (alternatives.covered.has(e)) continue;
    const error = alternatives.errors.get(e) ?? fieldError(e, input);
    // The same problem reached twice (a property checked where declared and again through a `$ref`) is said once.
    const key = `${error.path}\u0000${error.keyword}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ error, at: pathKeys(e.instancePath, e.params.missingProperty ?? e.params.additionalProperty) });
  }
  errors.push(...unknownKeyErrors(validator, input, options, own));
  return withMediaErrors(errors, mediaUrlErrors(input, media));
}

/** Every key of `input` nothing declares, unless unknown keys are allowed. */
function unknownKeyErrors(validator: ModelValidator, input: unknown, options: ValidateOptions | undefined, own: readonly AjvError[]): LocatedError[] {
  if (options?.allowUnknown) return [];
  const unknown = unknownKeys(validator.declaredKeys, input);
  if (unknown.length === 0) return [];
  // An `additionalProperties: false` of the schema's own has already named its key.
  const named = new Set(own.filter((e) => e.keyword === "additionalProperties").map((e) => `${e.instancePath}/${String(e.params.additionalProperty)}`));
  return unknown.filter((u) => !named.has(`${u.instancePath}/${u.key}`)).map((u) => ({ error: unknownKeyError(u), at: pathKeys(u.instancePath, u.key) }));
}

/**
 * A media URL the server cannot fetch gets a message that says how to fix it, in place of the
 * schema's "must be a valid uri"; a media value of the wrong type is already reported.
 */
function withMediaErrors(errors: LocatedError[], media: LocatedError[]): LocatedError[] {
  if (media.length === 0) return errors;
  const typed = new Set(errors.filter((e) => e.error.keyword !== "format").map((e) => e.error.path));
  const applicable = media.filter((m) => !typed.has(m.error.path));
  const replaced = errors.map((e) => (e.error.keyword === "format" ? (applicable.find((m) => m.error.path === e.error.path) ?? e) : e));
  return [...replaced, ...applicable.filter((m) => !replaced.includes(m))];
}

/**
 * Ajv's errors, where an anyOf/oneOf failed with a single alternative of the value's JSON type,
 * reduced to that alternative's: `fps must be at most 30 (got 200)`, rather than that and "must be
 * null" and "must match a schema in anyOf"; with none, one error naming the types it may have.
 */
function applicableBranches(errors: AjvError[]): AjvError[] {
  let kept = errors;
  for (const union of errors) {
    if (union.keyword !== "anyOf" && union.keyword !== "oneOf") continue;
    const prefix = `${union.schemaPath}/`;
    const branchOf = (e: AjvError): string | undefined => (e.schemaPath.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split("/")[0] : undefined);
    const branches = new Set(errors.map(branchOf).filter((b) => b !== undefined));
    // An alternative of another JSON type says only "must be null": it does not apply.
    const mismatched = new Set(errors.filter((e) => e.keyword === "type" && e.instancePath === union.instancePath && e.schemaPath === `${prefix}${branchOf(e)}/type`).map(branchOf));
    const applicable = [...branches].filter((b) => !mismatched.has(b));
    if (branches.size < 2 || applicable.length > 1) continue;
    if (applicable.length === 1) {
      kept = kept.filter((e) => e !== union && (branchOf(e) === undefined || branchOf(e) === applicable[0]));
    } else {
      // No alternative of the value's JSON type: one error listing the types there are.
      const types = errors.filter((e) => e.keyword === "type" && mismatched.has(branchOf(e))).map((e) => String(e.params.type));
      const merged: AjvError = { ...union, keyword: "type", params: { type: [...new Set(types.join(",").split(","))].join(",") } };
      kept = kept.filter((e) => branchOf(e) === undefined).map((e) => (e === union ? merged : e));
    }
  }
  return kept;
}

/** Nothing: no media parameters, no errors of the schema's own (never added to). */
const NONE: readonly never[] = [];

/** Runs a generated validator and explains what it found (see `findErrors`). */
export function runValidator(validator: ModelValidator, input: unknown, options?: ValidateOptions, media?: readonly string[]): ValidationResult {
  const errors = findErrors(validator, input, options, media);
  return errors.length === 0 ? { ok: true } : { ok: false, errors: errors.map((e) => e.error) };
}

/** `/images/0` → ["images", "0"] */
function pointerSegments(instancePath: string): string[] {
  return instancePath === "" ? [] : instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/images/0`, "url" → ["images", 0, "url"] */
function pathKeys(instancePath: string, child: unknown): (string | number)[] {
  const segments = pointerSegments(instancePath);
  if (typeof child === "string") segments.push(child);
  return segments.map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function unknownKeyError({ instancePath, key, known }: UnknownKey): FieldError {
  const at = displayPath(instancePath);
  const suggestion = closestName(key, known);
  const hint = suggestion !== undefined ? `; did you mean ${suggestion}?` : known.length > 0 ? ` (known: ${known.join(", ")})` : "";
  const where = at === "" ? "" : ` in ${at}`;
  return { keyword: "additionalProperties", params: { additionalProperty: key, suggestion }, path: displayPath(instancePath, key), message: `${key} is not a known parameter${where}${hint}` };
}

/**
 * An `anyOf` whose branches each require properties, such as an overlay's "prompt or input_image"
 * rule. When none of the alternatives is there: one error, `prompt or input_image is required`,
 * instead of one per branch and "must match a schema in anyOf". When one is there, the body
 * failed for what is wrong with it, which is reported where it is: the anyOf adds nothing.
 */
function requiredAlternatives(errors: AjvError[], input: unknown): { errors: Map<AjvError, FieldError>; covered: Set<AjvError> } {
  const found = new Map<AjvError, FieldError>();
  const covered = new Set<AjvError>();
  for (const e of errors) {
    const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const required = branches.map((b) => (b !== null && typeof b === "object" && Array.isArray((b as { required?: unknown }).required) ? ((b as { required: unknown[] }).required as string[]) : []));
    if (e.keyword !== "anyOf" || branches.length === 0 || required.some((r) => r.length === 0)) continue;
    const data = dataOf(e, input);
    if (data === null || typeof data !== "object" || Array.isArray(data)) continue;
    // Errors from a `$ref` inside a branch carry the target's schemaPath, so only the branches' own `required` errors are matched.
    const inner = errors.filter((x) => x.keyword === "required" && x.instancePath === e.instancePath && x.schemaPath.startsWith(`${e.schemaPath}/`));
    inner.forEach((x) => covered.add(x));
    if (required.some((names) => names.every((name) => Object.hasOwn(data, name)))) {
      covered.add(e);
      continue;
    }
    const names = [...new Set(required.flat())].map((name) => displayPath(e.instancePath, name));
    found.set(e, { path: displayPath(e.instancePath), keyword: "required", params: { missingProperty: names }, message: `${names.join(" or ")} is required` });
  }
  return { errors: found, covered };
}

/** `/images/0/url` → `images[0].url` */
export function displayPath(instancePath: string, child?: string): string {
  const segments = pointerSegments(instancePath);
  if (child !== undefined) segments.push(child);
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === "" ? s : `${path}.${s}`), "");
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

/** What an error is about: the value at its instancePath in `input`, or the key inside `propertyNames`. */
function dataOf(e: AjvError, input: unknown): unknown {
  if (e.propertyName !== undefined) return e.propertyName;
  return pointerSegments(e.instancePath).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], input);
}

function fieldError(e: AjvError, input: unknown): FieldError {
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
      return { ...base, path: at, message: `${subject} ${ajvMessage(e.keyword, p)}` };
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
