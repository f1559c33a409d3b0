// The compared form of a schema node: `$ref`s followed, and every spelling that means the same
// to the generated validator made the same, so that an equal contract gives no change. Each key of
// the form remembers where it stands in the schema as written, so changes are reported there.
import { isObject } from "../load/model.js";
import type { JsonSchema } from "../load/schema-check.js";
import { IGNORED_PREFIX, isCheckedFormat } from "./keywords.js";
import { same } from "./support.js";

export interface Compared {
  node: JsonSchema;
  /** The `$ref`s followed to reach the node. */
  refs: string[];
  /** For a key that does not stand at `/<key>` in the written node, the pointer suffix where it does. */
  origin: Record<string, string>;
}

/** Where the generated validator closes objects (see validatorSchema): which nodes, and below. */
export interface Closing {
  /** The validator closes objects somewhere below this node. */
  reach: boolean;
  /** It would close this node (not a composition branch). */
  here: boolean;
}

export const NO_CLOSING: Closing = { reach: false, here: false };
const COMPOSITION = ["allOf", "anyOf", "oneOf"];
/** Keys that change nothing when merged from one branch into its node if they differ. */
export const SOFT_KEYS = new Set(["title", "description", "examples", "example", "default", "$comment", "deprecated", "readOnly", "writeOnly"]);
/** Values that constrain nothing: the keyword absent means the same. */
const NEUTRAL: Record<string, unknown> = { minLength: 0, minItems: 0, minProperties: 0, minContains: 1, uniqueItems: false };
/** Patterns every string matches (`.` stops at a newline, but `.*` matches the empty string before it). */
const ANY_PATTERN = ["", ".*", "^.*", ".*$", "^"];

export function asSchema(raw: unknown): JsonSchema {
  if (raw === false) return { not: {} };
  return isObject(raw) ? raw : {};
}

export function lookup(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node === true || node === false || isObject(node) ? node : undefined;
}

/** Follows local `$ref`s (siblings kept over the target's keys); returns the node and the refs followed. */
export function follow(raw: unknown, root: JsonSchema): [JsonSchema, string[]] {
  let node = asSchema(raw);
  const refs: string[] = [];
  while (typeof node.$ref === "string" && !refs.includes(node.$ref)) {
    const target = lookup(root, node.$ref);
    if (target === undefined) break;
    refs.push(node.$ref);
    const { $ref: _, ...siblings } = node;
    node = { ...asSchema(target), ...siblings };
  }
  return [node, refs];
}

/** Keywords that can restrict a null value; every other one applies to other kinds only. */
const NULL_CHECKS = ["enum", "const", "not", "anyOf", "oneOf", "allOf", "if", "$ref", "$dynamicRef", "$recursiveRef"];

/** A node that accepts only null: type null and nothing that restricts null further, or enum [null]. */
function nullOnly(node: JsonSchema): boolean {
  if (node.type === "null") return NULL_CHECKS.every((k) => node[k] === undefined);
  const onlyNull = (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null) || (node.const === null && node.enum === undefined);
  return onlyNull && (node.type === undefined || same(node.type, ["null"])) && NULL_CHECKS.every((k) => k === "enum" || k === "const" || node[k] === undefined);
}

/** Merging follows `$ref`s into branches; a schema that refers to itself stops merging here. */
const MAX_MERGE_DEPTH = 16;

export function compared(raw: unknown, root: JsonSchema, closing: Closing = NO_CLOSING, depth = 0): Compared {
  const [followed, refs] = follow(raw, root);
  const out: JsonSchema = { ...followed };
  const origin: Record<string, string> = {};
  let nullable: string | undefined;

  if (out.nullable === true) nullable = "/nullable";
  delete out.nullable;
  if (out.const !== undefined && out.enum === undefined) {
    out.enum = [out.const];
    origin.enum = "/const";
    delete out.const;
  }
  if (Array.isArray(out.enum) && out.enum.length > 1 && out.enum.includes(null)) {
    out.enum = out.enum.filter((v) => v !== null);
    nullable ??= origin.enum ?? "/enum";
  }
  if (Array.isArray(out.type)) {
    const listed = out.type as string[];
    // integer is part of number: ["integer", "number"] says "number".
    let types = [...new Set(listed)].filter((t) => t !== "integer" || !listed.includes("number")).sort();
    if (types.includes("null") && types.length > 1) {
      types = types.filter((t) => t !== "null");
      nullable ??= "/type";
    }
    out.type = types.length === 1 ? types[0] : types;
  }
  // OpenAPI 3.0 / draft-04 spell an exclusive bound as a flag next to minimum/maximum.
  for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof out[flag] !== "boolean") continue;
    if (out[flag] === true && typeof out[bound] === "number") {
      out[flag] = out[bound];
      origin[flag] = `/${bound}`;
      delete out[bound];
    } else delete out[flag];
  }
  // draft-07 tuples: items as a list, additionalItems for the rest (2020-12: prefixItems, items).
  if (Array.isArray(out.items)) {
    out.prefixItems = out.items;
    origin.prefixItems = "/items";
    delete out.items;
    if (out.additionalItems !== undefined) {
      out.items = out.additionalItems;
      origin.items = "/additionalItems";
      delete out.additionalItems;
    }
  }
  if (isObject(out.dependencies)) {
    for (const [name, dependency] of Object.entries(out.dependencies)) {
      const key = Array.isArray(dependency) ? "dependentRequired" : "dependentSchemas";
      out[key] = { ...(isObject(out[key]) ? out[key] : {}), [name]: dependency };
      origin[key] = "/dependencies";
    }
    delete out.dependencies;
  }
  if (Array.isArray(out.required)) out.required = [...new Set(out.required)].sort();
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  for (const [key, value] of Object.entries(NEUTRAL)) if (same(out[key], value)) delete out[key];
  if (typeof out.pattern === "string" && ANY_PATTERN.includes(out.pattern)) delete out.pattern;

  // The validator closes an object that lists properties and says nothing about others (unless composed).
  const composed = COMPOSITION.some((k) => followed[k] !== undefined) || (followed.$ref !== undefined && refs.length === 0);
  if ((closing.here || refs.length > 0) && !composed && isObject(out.properties) && out.additionalProperties === undefined && out.patternProperties === undefined) {
    out.additionalProperties = false;
  }

  // A null branch of anyOf/oneOf is nullability; a single remaining branch (and every allOf branch) is merged in.
  for (const keyword of depth < MAX_MERGE_DEPTH ? ["anyOf", "oneOf"] : []) {
    const list = out[keyword];
    if (!Array.isArray(list) || list.length < 2) continue;
    const kept = list.map((b, i) => [b, i] as const).filter(([b]) => !nullOnly(compared(b, root, NO_CLOSING, depth + 1).node));
    if (kept.length === list.length || kept.length === 0) continue;
    nullable ??= `/${keyword}/${list.findIndex((b) => nullOnly(compared(b, root, NO_CLOSING, depth + 1).node))}`;
    out[keyword] = kept.map(([b]) => b);
    if (kept.length === 1) merge(out, origin, keyword, kept[0]![1], root, depth);
  }
  if (depth < MAX_MERGE_DEPTH) {
    if (Array.isArray(out.anyOf) && out.anyOf.length === 1) merge(out, origin, "anyOf", 0, root, depth);
    if (Array.isArray(out.oneOf) && out.oneOf.length === 1) merge(out, origin, "oneOf", 0, root, depth);
    if (Array.isArray(out.allOf)) mergeAll(out, origin, root, depth);
  }

  ignoreInert(out, origin);
  // Null passes a node that restricts neither type nor values: nullability says something only next to those.
  const restricts = (n: JsonSchema) => ["type", "enum", "anyOf", "oneOf"].some((k) => n[k] !== undefined);
  if (out.nullable !== true && nullable !== undefined && out.type !== "null" && restricts(out)) {
    out.nullable = true;
    origin.nullable = nullable;
  }
  if (out.nullable === true && !restricts(out)) delete out.nullable;
  return { node: out, refs, origin };
}

/** Merges the single branch `keyword[index]` into `out` unless a validation keyword conflicts. */
function merge(out: JsonSchema, origin: Record<string, string>, keyword: string, index: number, root: JsonSchema, depth: number): void {
  const branch = compared((out[keyword] as unknown[])[0], root, NO_CLOSING, depth + 1);
  const { [keyword]: _, ...rest } = out;
  if (!fits(rest, branch.node)) return;
  delete out[keyword];
  adopt(out, origin, branch, `/${keyword}/${index}`);
}

/** Merges every allOf branch whose validation keywords do not meet another's; the rest stay in allOf. */
function mergeAll(out: JsonSchema, origin: Record<string, string>, root: JsonSchema, depth: number): void {
  const list = out.allOf as unknown[];
  delete out.allOf;
  const kept: unknown[] = [];
  list.forEach((raw, i) => {
    const branch = compared(raw, root, NO_CLOSING, depth + 1);
    if (fits(out, branch.node)) adopt(out, origin, branch, `/allOf/${i}`);
    else kept.push(raw);
  });
  if (kept.length > 0) out.allOf = kept;
}

function fits(node: JsonSchema, branch: JsonSchema): boolean {
  return Object.keys(branch).every((k) => !Object.hasOwn(node, k) || SOFT_KEYS.has(k) || same(node[k], branch[k]));
}

function adopt(out: JsonSchema, origin: Record<string, string>, branch: Compared, at: string): void {
  for (const [key, value] of Object.entries(branch.node)) {
    if (Object.hasOwn(out, key)) continue;
    out[key] = value;
    origin[key] = `${at}${branch.origin[key] ?? `/${key}`}`;
  }
}

/** Keywords the validator ignores where they stand are renamed `ignored:<keyword>`. */
function ignoreInert(out: JsonSchema, origin: Record<string, string>): void {
  const inert = [
    ...(out.if === undefined ? ["then", "else"] : out.then === undefined && out.else === undefined ? ["if"] : []),
    ...(out.contains === undefined ? ["minContains", "maxContains"] : []),
    // Left over after the tuple form was rewritten: additionalItems next to no list of items.
    "additionalItems",
    ...(out.format !== undefined && !isCheckedFormat(out.format) ? ["format"] : []),
  ];
  for (const key of inert) {
    if (out[key] === undefined) continue;
    out[`${IGNORED_PREFIX}${key}`] = out[key];
    origin[`${IGNORED_PREFIX}${key}`] = origin[key] ?? `/${key}`;
    delete out[key];
  }
}
