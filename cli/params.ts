// A model's parameters as the command line sees them: flags named from the request schema, values
// coerced by the schema's types, and the table `run --help` and `models <id>` print.
import { mediaParameters } from "../runtime/media.js";
import { closestName } from "../runtime/validation.js";
import { InputError } from "./errors.js";

type Node = Record<string, unknown>;

/** One top-level parameter of a model. */
export interface Param {
  name: string;
  /** `--input-audio` */
  flag: string;
  types: string[];
  required: boolean;
  schema: Node;
  /** "image", "video" or "audio" for a media parameter. */
  media: string | undefined;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function typesOf(node: Node): string[] {
  return Array.isArray(node.type) ? node.type.map(String) : typeof node.type === "string" ? [node.type] : [];
}

/** The parameters of a request schema, in display order (`x-order`, then as listed). */
export function paramsOf(schema: unknown): Param[] {
  if (!isNode(schema) || !isNode(schema.properties)) return [];
  const props = schema.properties;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const media = new Set(mediaParameters(schema));
  const order = (name: string): number => (isNode(props[name]) && typeof props[name]["x-order"] === "number" ? (props[name]["x-order"] as number) : Number.POSITIVE_INFINITY);
  return Object.keys(props)
    .map((name, i) => ({ name, i }))
    .sort((a, b) => order(a.name) - order(b.name) || a.i - b.i)
    .map(({ name }) => {
      const node = isNode(props[name]) ? props[name] : {};
      const renderType = String(node.renderType ?? (isNode(node.items) ? node.items.renderType : "") ?? "");
      return { name, flag: `--${name.replace(/_/g, "-")}`, types: typesOf(node), required: required.has(name), schema: node, media: media.has(name) ? renderType.replace(/-url$/, "") : undefined };
    });
}

/** The param a flag or key names: `--input-audio`, `input_audio`, `input-audio`. */
export function findParam(params: readonly Param[], name: string): Param | undefined {
  const bare = name.replace(/^--/, "");
  return params.find((p) => p.name === bare || p.flag === `--${bare}`);
}

/** A usage error for an unknown parameter, with the closest known name. */
export function unknownParam(params: readonly Param[], name: string, modelId: string): InputError {
  const asFlag = name.startsWith("--");
  const known = params.map((p) => (asFlag ? p.flag : p.name));
  const suggestion = closestName(asFlag ? name : name.replace(/-/g, "_"), known);
  return new InputError(`${name} is not a parameter of ${modelId}${suggestion === undefined ? "" : `; did you mean ${suggestion}?`} (see \`oxen-contracts run ${modelId} --help\`)`);
}

/** A value that names no allowed value: an error for the user, with the closest allowed one. */
class ValueError extends Error {
  override name = "ValueError";
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, "1": true, "0": false };

/** Whether a word reads as a boolean value (`--generate-audio false`). */
export function isBooleanWord(word: string): boolean {
  return Object.hasOwn(BOOLEANS, word.toLowerCase());
}

/** `raw` as a value of one of `types`, or undefined when it reads as none of them. */
function asType(raw: string, types: string[]): { value: unknown } | undefined {
  for (const type of types.length === 0 ? ["json", "string"] : types) {
    if (type === "integer" && /^-?\d+$/.test(raw.trim())) return { value: Number(raw) };
    if (type === "number" && raw.trim() !== "" && Number.isFinite(Number(raw))) return { value: Number(raw) };
    if (type === "boolean" && isBooleanWord(raw)) return { value: BOOLEANS[raw.toLowerCase()] };
    if (type === "string") return { value: raw };
    if (type === "null" && raw === "null") return { value: null };
    if (type === "object" || type === "array" || type === "json") {
      try {
        const value: unknown = JSON.parse(raw);
        if (type === "json" || (type === "object" ? isNode(value) : Array.isArray(value))) return { value };
      } catch {
        // not JSON: try the next type
      }
    }
  }
  return undefined;
}

const TYPE_WORDS: Record<string, string> = { integer: "an integer", number: "a number", boolean: "true or false", object: "a JSON object", array: "a JSON list", string: "text", null: "null" };

/** One value for a schema node, coerced from the command line's text. */
function coerceOne(raw: string, node: Node, label: string): unknown {
  if (Array.isArray(node.enum)) {
    const match = node.enum.find((v) => String(v) === raw) ?? node.enum.find((v) => String(v).toLowerCase() === raw.toLowerCase());
    if (match !== undefined) return match;
    const suggestion = closestName(raw, node.enum.map(String));
    throw new ValueError(`${label} must be one of: ${node.enum.map(String).join(", ")} (got ${JSON.stringify(raw)})${suggestion === undefined ? "" : `; did you mean ${suggestion}?`}`);
  }
  const types = typesOf(node);
  const coerced = asType(raw, types);
  if (coerced === undefined) throw new ValueError(`${label} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(" or ")} (got ${JSON.stringify(raw)})`);
  return coerced.value;
}

/**
 * The values given for one parameter, as its schema types them. A list takes each value as one
 * item (repeat the flag for more), or a whole JSON list; any other parameter takes one value.
 */
export function coerce(param: Param, raws: readonly string[]): unknown {
  const label = param.flag;
  try {
    if (param.types.includes("array") && !param.types.includes("string")) {
      const items = isNode(param.schema.items) ? param.schema.items : {};
      return raws.flatMap((raw) => {
        if (raw.trimStart().startsWith("[")) {
          const list = asType(raw, ["array"]);
          if (list !== undefined) return list.value as unknown[];
        }
        return [coerceOne(raw, items, `${label} (each item)`)];
      });
    }
    if (raws.length > 1) throw new ValueError(`${label} was given ${raws.length} times; it takes one value`);
    return coerceOne(raws[0]!, param.schema, label);
  } catch (error) {
    if (error instanceof ValueError) throw new Error(error.message);
    throw error;
  }
}

/** `TEXT`, `INTEGER`, `URL|FILE`: what a flag takes, for the usage line and the table. */
export function valueWord(param: Param): string {
  if (param.media !== undefined) return param.types.includes("array") ? "URL|FILE..." : "URL|FILE";
  if (Array.isArray(param.schema.enum)) return "VALUE";
  const words: Record<string, string> = { string: "TEXT", integer: "INTEGER", number: "NUMBER", boolean: "[true|false]", object: "JSON", array: "VALUE..." };
  return param.types.map((t) => words[t] ?? t.toUpperCase()).join("|") || "JSON";
}

function range(node: Node): string | undefined {
  const min = node.minimum ?? node.exclusiveMinimum;
  const max = node.maximum ?? node.exclusiveMaximum;
  if (min === undefined && max === undefined) return undefined;
  if (min !== undefined && max !== undefined) return `${String(min)} to ${String(max)}`;
  return min !== undefined ? `at least ${String(min)}` : `at most ${String(max)}`;
}

/** Text folded to lines of at most `width` characters. */
function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * The parameter table: one block per parameter with its flag, type, whether it is required, its
 * default, range and allowed values, and its description.
 */
export function paramTable(params: readonly Param[]): string {
  if (params.length === 0) return "  (no parameters)";
  return params
    .map((p) => {
      const node = p.schema;
      const facts = [
        p.required ? "required" : "optional",
        p.types.length > 0 ? p.types.join(" or ") : undefined,
        p.media !== undefined ? `${p.media} URL or local file` : undefined,
        node.default !== undefined ? `default ${JSON.stringify(node.default)}` : undefined,
        range(node) !== undefined ? `range ${range(node)}` : undefined,
      ].filter(Boolean);
      const lines = [`  ${p.flag} ${valueWord(p)}`, `      ${facts.join("; ")}`];
      const allowed = Array.isArray(node.enum) ? node.enum : isNode(node.items) && Array.isArray(node.items.enum) ? node.items.enum : undefined;
      if (allowed !== undefined) lines.push(...fold(`one of: ${allowed.map(String).join(", ")}`, 92).map((l) => `      ${l}`));
      if (typeof node.description === "string") lines.push(...fold(node.description, 92).map((l) => `      ${l}`));
      return lines.join("\n");
    })
    .join("\n");
}
