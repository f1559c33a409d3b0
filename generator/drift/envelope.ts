// The API envelope: when both sides have Oxen's OpenAPI document, the schemas of the operations
// the runtime calls are compared too. Request bodies are seen by the code that sends them;
// responses by the code that reads them, where a removed field breaks and a wider value may too.
import type { JsonSchema } from "../load/schema-check.js";
import { isObject } from "../load/model.js";
import { diffSchemas } from "./engine.js";
import { ONLY_NARROWING } from "./narrowing.js";
import { ENGINE_RULES } from "./rules/index.js";
import type { Side } from "./sources.js";
import { same } from "./support.js";
import type { Change, Level, RuleEntry } from "./types.js";

/** The operations runtime/client.ts and runtime/events.ts call. */
export const RUNTIME_OPERATIONS: readonly [method: string, path: string][] = [
  ["get", "/api/ai/models"],
  ["get", "/api/ai/models/{id}"],
  ["post", "/api/ai/videos/generate"],
  ["post", "/api/ai/queue"],
  ["get", "/api/ai/queue"],
  ["get", "/api/ai/queue/{generation_id}"],
  ["delete", "/api/ai/queue/{generation_id}"],
];

/** The subject of envelope changes in a report: `envelope: POST /api/ai/queue`. */
const subjectOf = (method: string, path: string) => `envelope: ${method.toUpperCase()} ${path}`;


export function diffEnvelopes(before: Side["hub"], after: Side["hub"]): Change[] {
  if (before === undefined || after === undefined || same(before, after)) return [];
  if ("error" in after) {
    if ("error" in before && before.error === after.error) return [];
    const rule = ENGINE_RULES.schemaInvalid;
    return [{ model: "envelope", path: "", rule: rule.id, level: rule.level, before: null, after: { file: after.file, reason: after.error }, message: `hub-openapi.json cannot be read: ${after.error} (${after.file})` }];
  }
  if ("error" in before) return [];
  return RUNTIME_OPERATIONS.flatMap(([method, path]) => diffOperation(method, path, before.document, after.document));
}

function diffOperation(method: string, path: string, before: JsonSchema, after: JsonSchema): Change[] {
  const model = subjectOf(method, path);
  const [b, a] = [operation(before, method, path), operation(after, method, path)];
  if (b === undefined || a === undefined) {
    if (b === a) return [];
    const rule = a === undefined ? ENGINE_RULES.operationRemoved : ENGINE_RULES.operationAdded;
    return [{ model, path: "", rule: rule.id, level: rule.level, before: b === undefined ? null : path, after: a === undefined ? null : path, message: `${model}: operation ${a === undefined ? "removed" : "added"}` }];
  }
  // Bodies are open objects (the server, not a generated validator, reads them).
  const open = { reach: false, here: false };
  const request = diffSchemas(model, rooted(before, requestSchema(b)), rooted(after, requestSchema(a)), "request body", open).map((c) => ({ ...c, path: `/requestBody${c.path}` }));
  const statuses = [...new Set([...Object.keys(responsesOf(b)), ...Object.keys(responsesOf(a))])].filter((s) => s.startsWith("2")).sort();
  const responses = statuses.flatMap((status) =>
    diffSchemas(model, rooted(before, responseSchema(b, status)), rooted(after, responseSchema(a, status)), `response ${status}`, { reach: true, here: true })
      .map((c) => ({ ...forReader(c), path: `/responses/${status}${c.path}` })),
  );
  return [...request, ...responses];
}

/** A sender-side change restated for the code that reads a response. */
function forReader(change: Change): Change {
  const as = (rule: RuleEntry, message: string): Change => ({ ...change, rule: rule.id, level: rule.level, message: `${change.message} (${message})` });
  if (change.rule === "property-removed") return as(ENGINE_RULES.responsePropertyRemoved, "code reading it gets nothing");
  if (change.rule === "property-added-optional" || change.rule === "property-added-required") return as(ENGINE_RULES.responsePropertyAdded, "new in the response");
  const level: Level = change.level;
  if (level === "feature") return as(ENGINE_RULES.responseValueWidened, "a reader may receive values it did not before");
  if (level === "breaking") return ONLY_NARROWING.has(change.rule) ? as(ENGINE_RULES.responseValueNarrowed, "a reader receives fewer kinds of values") : as(ENGINE_RULES.responseValueChanged, "a reader may receive values it did not before");
  return change;
}

/** A schema with the document's components beside it, so `#/components/...` refs resolve. */
function rooted(document: JsonSchema, schema: unknown): JsonSchema | null {
  if (schema === undefined) return null;
  return { ...(isObject(schema) ? schema : {}), components: document.components ?? {} };
}

function operation(document: JsonSchema, method: string, path: string): JsonSchema | undefined {
  const item = isObject(document.paths) ? document.paths[path] : undefined;
  const op = isObject(item) ? item[method] : undefined;
  return isObject(op) ? op : undefined;
}

const jsonSchemaOf = (holder: unknown): unknown => {
  const content = isObject(holder) && isObject(holder.content) ? holder.content["application/json"] : undefined;
  return isObject(content) ? content.schema : undefined;
};
const requestSchema = (op: JsonSchema) => jsonSchemaOf(op.requestBody);
const responsesOf = (op: JsonSchema): Record<string, unknown> => (isObject(op.responses) ? op.responses : {});
const responseSchema = (op: JsonSchema, status: string) => jsonSchemaOf(responsesOf(op)[status]);
