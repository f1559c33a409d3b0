// The model objects of a snapshot folder, as `run` and `models` read them: by default the snapshot
// the package ships (schemas/ beside cli/, in the repository and in dist/ alike).
import { fileURLToPath } from "node:url";
import { loadModelObjects } from "../mock/models.js";
import { closestName } from "../runtime/validation.js";
import { InputError } from "./errors.js";

export interface SnapshotModel {
  id: string;
  displayName: string;
  summary: string;
  /** The request schema: `json_request_schema ?? request_schema`. */
  schema: unknown;
}

/** Reads `<dir>/models/*.json`; default the package's own snapshot. */
export async function loadSnapshot(dir?: string): Promise<Map<string, SnapshotModel>> {
  const folder = dir ?? fileURLToPath(new URL("../schemas/", import.meta.url));
  let objects: Awaited<ReturnType<typeof loadModelObjects>>;
  try {
    objects = await loadModelObjects(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === undefined ? (error as Error).message : `${folder}: cannot read the snapshot's models/ (${code})`);
  }
  const models = new Map<string, SnapshotModel>();
  for (const [id, m] of objects) {
    const text = (v: unknown): string => (typeof v === "string" ? v : "");
    models.set(id, { id, displayName: text(m.display_name) || id, summary: text(m.summary), schema: m.json_request_schema ?? m.request_schema ?? null });
  }
  return models;
}

/** The model with this id, or a usage error with the closest id. */
export function findModel(models: Map<string, SnapshotModel>, id: string): SnapshotModel {
  const found = models.get(id);
  if (found !== undefined) return found;
  const suggestion = closestName(id, [...models.keys()]);
  throw new InputError(`unknown model "${id}"${suggestion === undefined ? "" : `; did you mean ${suggestion}?`} (\`oxen-contracts models\` lists them)`);
}
