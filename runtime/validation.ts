import type { AjvError, StandaloneValidator } from "./validator-support.js";

/** Annotation the generator puts on objects it closed to unknown properties (see generator/load/schema-views.ts). */
export const CLOSED_MARK = "x-oxen-closed";

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

/** Runs a generated standalone validator and explains what it found. */
export function runValidator(validator: StandaloneValidator, input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (validator(input)) return { ok: true };
  let errors = validator.errors ?? [];
  if (options.allowUnknown) errors = errors.filter((e) => !(e.keyword === "additionalProperties" && e.parentSchema?.[CLOSED_MARK] === true));
  if (errors.length === 0) return { ok: true };
  const alternatives = requiredAlternatives(errors);
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (alternatives.covered.has(e)) continue;
    const field = alternatives.errors.get(e) ?? fieldError(e);
    // The same problem reached twice (a property checked where declared and again through a `$ref`) is said once.
    const key = `${field.path}\u0000${field.keyword}\u0000${field.message}`;
    if (!seen.has(key)) out.push(field);
    seen.add(key);
  }
  return { ok: false, errors: out };
}

/**
 * An `anyOf` whose branches each require properties, such as an overlay's "prompt or input_image"
 * rule. When none of the alternatives is there: one error, `prompt or input_image is required`,
 * instead of one per branch and "must match a schema in anyOf". When one is there, the body
 * failed for what is wrong with it, which is reported where it is: the anyOf adds nothing.
 */
function requiredAlternatives(errors: AjvError[]): { errors: Map<AjvError, FieldError>; covered: Set<AjvError> } {
  const found = new Map<AjvError, FieldError>();
  const covered = new Set<AjvError>();
  for (const e of errors) {
    const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const required = branches.map((b) => (b !== null && typeof b === "object" && Array.isArray((b as { required?: unknown }).required) ? ((b as { required: unknown[] }).required as string[]) : []));
    if (e.keyword !== "anyOf" || branches.length === 0 || required.some((r) => r.length === 0)) continue;
    if (e.data === null || typeof e.data !== "object" || Array.isArray(e.data)) continue;
    const data = e.data as Record<string, unknown>;
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
  const segments = instancePath === "" ? [] : instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
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

function fieldError(e: AjvError): FieldError {
  const p = e.params;
  const base = { keyword: e.keyword, params: p };
  const at = displayPath(e.instancePath);
  const subject = at === "" ? "the request body" : at;
  const got = ` (got ${shown(e.data)})`;
  switch (e.keyword) {
    case "required":
      return { ...base, path: displayPath(e.instancePath, String(p.missingProperty)), message: `${displayPath(e.instancePath, String(p.missingProperty))} is required` };
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closestName(name, known);
      const hint = suggestion !== undefined ? `; did you mean ${suggestion}?` : known.length > 0 ? ` (known: ${known.join(", ")})` : "";
      const where = at === "" ? "" : ` in ${at}`;
      return { ...base, params: { ...p, suggestion }, path: displayPath(e.instancePath, name), message: `${name} is not a known parameter${where}${hint}` };
    }
    case "type": {
      const types = String(p.type).split(",").map((t) => TYPE_WORDS[t] ?? t);
      return { ...base, path: at, message: `${subject} must be ${types.join(" or ")}${got}` };
    }
    case "enum":
      return { ...base, path: at, message: `${subject} must be one of: ${list(p.allowedValues)}` };
    case "const":
      return { ...base, path: at, message: `${subject} must be ${shown(p.allowedValue)}${got}` };
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum": {
      const word = { maximum: "at most", minimum: "at least", exclusiveMaximum: "less than", exclusiveMinimum: "greater than" }[e.keyword];
      return { ...base, path: at, message: `${subject} must be ${word} ${String(p.limit)}${got}` };
    }
    case "maxLength":
    case "minLength":
      return { ...base, path: at, message: `${subject} must be ${e.keyword === "maxLength" ? "at most" : "at least"} ${String(p.limit)} characters long${got}` };
    case "maxItems":
    case "minItems":
      return { ...base, path: at, message: `${subject} must have ${e.keyword === "maxItems" ? "at most" : "at least"} ${String(p.limit)} items` };
    case "format":
      return { ...base, path: at, message: `${subject} must be a valid ${String(p.format)}${got}` };
    case "pattern":
      return { ...base, path: at, message: `${subject} must match the pattern ${String(p.pattern)}${got}` };
    case "multipleOf":
      return { ...base, path: at, message: `${subject} must be a multiple of ${String(p.multipleOf)}${got}` };
    case "uniqueItems":
      return { ...base, path: at, message: `${subject} must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)` };
    default:
      return { ...base, path: at, message: `${subject} ${e.message ?? `fails ${e.keyword}`}` };
  }
}

/** Edit distance, for did-you-mean. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known name a typo most likely meant: close in edits relative to its length, or the same but for case. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
    if (d < bestScore) [best, bestScore] = [candidate, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
