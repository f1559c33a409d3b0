import { InputError } from "../../cli/errors.js";
import type { Overlay } from "./overlay.js";
import type { JsonSchema } from "./schema-check.js";

/** One model of the snapshot, in the form every emitter takes. */
export interface ModelContract {
  id: string;
  displayName: string;
  summary: string;
  description: string;
  endpoint: string;
  outputs: string[];
  /** The request schema (`json_request_schema ?? request_schema`); null when the model has none. */
  schema: JsonSchema | null;
  /** The model object as read, for the drift report and the lock. */
  raw: Record<string, unknown>;
  /** Where it was read from, for messages. */
  file: string;
  /** Which field holds the request schema, for messages: "json_request_schema" or "request_schema". */
  schemaField: string;
  /** The overlay applied to `schema` (schemas/overlays/<stem>.json), if any. */
  overlay?: Overlay;
  /** The sha256 of the file's bytes (`sourceHash`), when read from a file: what caches key it by. */
  source?: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function optionalString(obj: Record<string, unknown>, key: string, where: string): string {
  const value = obj[key];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new InputError(`${where}: field "${key}" must be a string`);
  return value;
}

/** Reads the request schema under either documented name; null or absent means no parameters. */
export function requestSchemaOf(raw: Record<string, unknown>): unknown {
  return raw.json_request_schema ?? raw.request_schema ?? null;
}

/**
 * Turns one parsed model object into a contract, or throws an InputError naming `where` (the file)
 * and the field. The id comes from the content, never from the file name. The request schema is
 * taken as it is: `checkSchema` says whether it can be generated, and a model whose schema cannot
 * is still a model to fetch, lock and diff.
 */
export function parseModel(value: unknown, where: string): ModelContract {
  if (!isObject(value)) throw new InputError(`${where}: expected a model object, got ${describe(value)}`);
  const id = value.id;
  if (typeof id !== "string" || id === "") throw new InputError(`${where}: field "id" must be a non-empty string`);
  const field = value.json_request_schema != null ? "json_request_schema" : "request_schema";
  const schema = requestSchemaOf(value);
  const capabilities = value.capabilities;
  const outputs = isObject(capabilities) && Array.isArray(capabilities.output) ? capabilities.output.filter((o): o is string => typeof o === "string") : [];
  return {
    id,
    displayName: optionalString(value, "display_name", where),
    summary: optionalString(value, "summary", where),
    description: optionalString(value, "description", where),
    endpoint: optionalString(value, "endpoint", where),
    outputs,
    schema: schema as JsonSchema | null,
    raw: value,
    file: where,
    schemaField: field,
  };
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}
