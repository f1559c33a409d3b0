// Small pure helpers shared by the engine and the rules.
import { canonicalJson } from "../snapshot/canonical.js";
import { isObject } from "../load/model.js";
import { pointerSegment, type JsonSchema } from "../load/schema-check.js";

/** The subject of the root schema node in messages. */
export const ROOT_SUBJECT = "request body";

export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** A value as it appears in a message: JSON, cut short so one line stays one line. */
export function show(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function showList(values: readonly unknown[]): string {
  return values.map(show).join(", ");
}

export function pointerTo(pointer: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((p, s) => `${p}/${pointerSegment(String(s))}`, pointer);
}

/** How a child node is named in messages: `a.b`, `list[]`, `a.*`, `a (anyOf 1)`. */
export function childSubject(parent: string, keyword: string, name?: string | number): string {
  const prefix = parent === ROOT_SUBJECT ? "" : parent;
  switch (keyword) {
    case "properties":
      return prefix === "" ? String(name) : `${prefix}.${String(name)}`;
    case "items":
    case "prefixItems":
      return `${parent}[${name ?? ""}]`;
    case "additionalProperties":
      return prefix === "" ? "*" : `${prefix}.*`;
    case "patternProperties":
      return `${prefix === "" ? "" : `${prefix}.`}/${String(name)}/`;
    default:
      return `${parent} (${keyword} ${String(name)})`;
  }
}

export function propertiesOf(node: JsonSchema): Record<string, unknown> {
  return isObject(node.properties) ? node.properties : {};
}

export function requiredOf(node: JsonSchema): Set<string> {
  return new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === "string") : []);
}

/** The keyword's value in both versions, for rules about one keyword. */
export function valuesOf(pair: { before: JsonSchema; after: JsonSchema }, keyword: string): [unknown, unknown] {
  return [pair.before[keyword], pair.after[keyword]];
}

/** Elements of `from` with no equal (canonical JSON) element in `other`, counting duplicates. */
export function missingFrom(from: readonly unknown[], other: readonly unknown[]): unknown[] {
  const left = other.map((v) => canonicalJson(v));
  return from.filter((v) => {
    const i = left.indexOf(canonicalJson(v));
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Lower bounds: raising one rejects values that passed. */
export const MIN_KEYWORDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"];
/** Upper bounds: lowering one rejects values that passed. */
export const MAX_KEYWORDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"];
/** What an absent bound means, where it means a number (contains needs one matching item). */
const BOUND_DEFAULTS: Record<string, number> = { minLength: 0, minItems: 0, minProperties: 0, minContains: 1 };

/** A bound's value, its default when absent, or undefined for no bound. */
export function boundOf(keyword: string, value: unknown): number | undefined {
  return typeof value === "number" ? value : BOUND_DEFAULTS[keyword];
}

// "number" is split so that integer ⊂ number compares as a subset.
const ALL_KINDS = ["string", "integer", "fraction", "boolean", "object", "array", "null"];

/** The kinds of JSON value a node's `type` admits; no `type` admits every kind. */
export function typeKinds(node: JsonSchema): Set<string> {
  if (node.type === undefined) return new Set(ALL_KINDS);
  const types = (Array.isArray(node.type) ? node.type : [node.type]) as string[];
  return new Set(types.flatMap((t) => (t === "number" ? ["integer", "fraction"] : [t])));
}

export function isSubset(a: Set<string>, b: Set<string>): boolean {
  return [...a].every((x) => b.has(x));
}

export function isStrictSubset(a: Set<string>, b: Set<string>): boolean {
  return a.size < b.size && isSubset(a, b);
}
