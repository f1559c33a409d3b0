import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A model object as `GET /api/ai/models/{id}` returns it: whatever the snapshot file holds. */
export type ModelObject = Record<string, unknown> & { id: string };

/**
 * Reads every `models/*.json` of a snapshot folder. The objects are served as they are, so a test can
 * hand the server a modified or unusual snapshot; only an `id` is required, to route by.
 */
export async function loadModelObjects(schemasDir: string): Promise<Map<string, ModelObject>> {
  const dir = join(schemasDir, "models");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const models = new Map<string, ModelObject>();
  for (const file of files) {
    const value: unknown = JSON.parse(await readFile(join(dir, file), "utf8"));
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id !== "string") throw new Error(`${join(dir, file)}: a model object needs a string "id"`);
    models.set(id, value as ModelObject);
  }
  return models;
}

/** What the list endpoint shows of a model: its schema left out (`request_schema: null`), as upstream may. */
export function listItem(model: ModelObject, withSchemas: boolean): ModelObject {
  if (withSchemas) return model;
  const { json_request_schema: _json, ...rest } = model;
  return { ...rest, request_schema: null };
}

/**
 * The documented filters of `GET /api/ai/models` that a model object can answer: `developer_name`
 * (its `developer.name`) and `action` (one of its `fine_tuning.actions`). `provider_name` names no
 * field of the documented Model, so it selects nothing out.
 */
export function modelMatches(model: ModelObject, query: URLSearchParams): boolean {
  const developer = query.get("developer_name");
  const action = query.get("action");
  if (developer !== null && (model.developer as { name?: unknown } | null | undefined)?.name !== developer) return false;
  const actions = (model.fine_tuning as { actions?: unknown } | null | undefined)?.actions;
  return action === null || (Array.isArray(actions) && actions.includes(action));
}
