// The errors of a schema's anyOf and oneOf, explained: only a validator that can report one needs
// this (a model passes it to validateWith when its schema can; see runtime/validation.ts).
import { dataOf, displayPath } from "./error-paths.js";
import type { FieldError } from "./validation.js";
import type { AjvError } from "./validator-support.js";

/** A validator's errors with its unions explained. */
export interface UnionExplanation {
  /** The errors, each failed union reduced to its applicable alternative (see applicableBranches). */
  errors: AjvError[];
  /** Errors said in words of their own: an overlay's `prompt or input_image is required`. */
  said: Map<AjvError, FieldError>;
  /** Errors that add nothing to the others: left out. */
  covered: Set<AjvError>;
}

/** Explains the anyOf and oneOf errors among `errors`, which a validator found in `input`. */
export function explainUnions(errors: AjvError[], input: unknown): UnionExplanation {
  const own = applicableBranches(errors);
  return { errors: own, ...requiredAlternatives(own, input) };
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

/**
 * An `anyOf` whose branches each require properties, such as an overlay's "prompt or input_image"
 * rule. When none of the alternatives is there: one error, `prompt or input_image is required`,
 * instead of one per branch and "must match a schema in anyOf". When one is there, the body
 * failed for what is wrong with it, which is reported where it is: the anyOf adds nothing.
 */
function requiredAlternatives(errors: AjvError[], input: unknown): Pick<UnionExplanation, "said" | "covered"> {
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
  return { said: found, covered };
}
