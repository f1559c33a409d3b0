// Models recalled rather than read: what checking a model file said, recorded in the cache by the
// sha256 of the file's bytes, so that a run which finds the same bytes again neither parses nor
// checks them. The cache's manifest is dropped whole when the generator changes (its fingerprint),
// so a record only ever answers for the code that made it.
import { canonicalJson, sha256 } from "../snapshot/canonical.js";
import type { ModelContract } from "./model.js";

/** What generating needs of a model file besides its emitted files, which the emit cache holds. */
export interface ModelRecord {
  id: string;
  /** The upstream request schema's hash (`schemaHash`), as lock.json and the headers have it. */
  hash: string;
  /** `modelDigest` of the model: what the emit cache knows its files by. */
  digest: string;
  /** The checked schema's media parameters (`mediaParameters`). */
  media: string[];
  /** Each warning, as [at, message]. */
  warnings: [string, string][];
  /** Why the model cannot be generated, as [at, message]; absent when it can. */
  refusal?: [string, string];
}

/**
 * The record of a snapshot file (by its path in the snapshot folder: `models/<name>.json`) and the
 * sha256 of its bytes, if an earlier run left a record of those bytes: the file need not be read.
 */
export type Recall = (file: string) => { source: string; record: ModelRecord } | undefined;

/** A model file whose bytes matched a record: known by it, not parsed. */
export interface RecalledModel {
  id: string;
  /** The model file, as the snapshot folder was named. */
  file: string;
  /** `sourceHash` of its bytes. */
  source: string;
  record: ModelRecord;
}

/** The key of a model file's record and of its emitted files: the sha256 of its bytes. */
export function sourceHash(bytes: Buffer): string {
  return sha256(bytes);
}

const isPair = (value: unknown): value is [string, string] => Array.isArray(value) && value.length === 2 && value.every((s) => typeof s === "string");

/** A record read back from the cache's manifest, which may hold anything. */
export function isModelRecord(value: unknown): value is ModelRecord {
  if (value === null || typeof value !== "object") return false;
  const { id, hash, digest, media, warnings, refusal } = value as Record<string, unknown>;
  return (
    typeof id === "string" &&
    typeof hash === "string" &&
    typeof digest === "string" &&
    Array.isArray(media) &&
    media.every((m) => typeof m === "string") &&
    Array.isArray(warnings) &&
    warnings.every(isPair) &&
    (refusal === undefined || isPair(refusal))
  );
}

/** A hash of what a model's emitted files are made of besides their place: the model object as read and its overlay, in canonical form (the same JSON written differently is the same model). */
export function modelDigest(model: Pick<ModelContract, "raw" | "overlay">): string {
  return sha256(canonicalJson({ model: model.raw, overlay: model.overlay }));
}
