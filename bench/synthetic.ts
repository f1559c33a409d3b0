import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadSnapshot } from "../generator/load/load.js";
import { isObject } from "../generator/load/model.js";
import { modelFileText, snapshotFiles, type SnapshotEntry } from "../generator/snapshot/lock.js";
import { parseModel } from "../generator/load/model.js";
import type { FileMap } from "../generator/emit/emit-all.js";

/**
 * One synthetic model from a corpus model: a new id, and a schema of the same shape with its own
 * parameters (every property renamed with the variant number, one extra integer parameter).
 */
export function variantOf(raw: Record<string, unknown>, n: number): Record<string, unknown> {
  const copy = structuredClone(raw);
  copy.id = `${String(raw.id)}-v${n}`;
  copy.display_name = `${String(raw.display_name ?? raw.id)} (variant ${n})`;
  for (const key of ["request_schema", "json_request_schema"]) {
    const schema = copy[key];
    if (isObject(schema) && isObject(schema.properties)) copy[key] = varySchema(schema, n);
  }
  return copy;
}

function varySchema(schema: Record<string, unknown>, n: number): Record<string, unknown> {
  const rename = (name: string): string => `${name}_${n}`;
  const properties = Object.fromEntries(Object.entries(schema.properties as Record<string, unknown>).map(([k, v]) => [rename(k), v]));
  properties[`variant_${n}`] = { type: "integer", minimum: 0, maximum: n + 1, default: n, description: `Synthetic parameter of variant ${n}.`, "x-order": 999 };
  const renameList = (list: unknown): unknown => (Array.isArray(list) ? list.map((x) => (typeof x === "string" ? rename(x) : x)) : list);
  return { ...schema, properties, required: renameList(schema.required), basic: renameList(schema.basic) };
}

/** The raw corpus model objects of a snapshot folder, in id order. */
export async function corpusModels(schemasDir: string): Promise<Record<string, unknown>[]> {
  return (await loadSnapshot(schemasDir)).models.map((m) => m.raw);
}

/** A snapshot folder's files with `count` models made from `corpus` in turn, plus its OpenAPI document. */
export async function syntheticSnapshot(corpus: Record<string, unknown>[], count: number, schemasDir: string): Promise<FileMap> {
  const hubText = await readFile(join(schemasDir, "hub-openapi.json"), "utf8");
  const fetchedAt = "2026-01-01T00:00:00.000Z";
  const entries: SnapshotEntry[] = [];
  for (let n = 0; n < count; n++) {
    const raw = variantOf(corpus[n % corpus.length]!, n);
    entries.push({ model: parseModel(raw, `synthetic model ${n}`), text: modelFileText(raw), source: "synthetic", fetchedAt });
  }
  return snapshotFiles(entries, { text: hubText, source: "hub-openapi.json", fetchedAt }, undefined);
}
