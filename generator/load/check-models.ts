// Which models of a snapshot can be generated: each request schema checked on its own, so that
// one bad model is named and the others go on.
import { readFileSync } from "node:fs";
import type { Diagnostic } from "./diagnostic.js";
import { asDraft07 } from "./draft-04.js";
import { readSnapshot, type Snapshot } from "./load.js";
import { schemaHash } from "../snapshot/canonical.js";
import { mediaParameters } from "../../runtime/media.js";
import { modelDigest, sourceHash, type ModelRecord, type Recall, type RecalledModel } from "./recall.js";
import { parseModel, requestSchemaOf, type ModelContract } from "./model.js";
import { applyOverlay, staleReviews } from "./overlay.js";
import { normalizeForEmit } from "./normalize.js";
import { checkSchema, SchemaRefusal, type JsonSchema } from "./schema-check.js";

export interface ModelCheck {
  /** Models that can be generated, in the snapshot's order, each with its overlay applied and its in the form the emitters read (`normalizeForEmit`). */
  accepted: ModelContract[];
  /** One refusal per model that cannot (with `strict`, its warnings too). */
  failures: Diagnostic[];
  /** Annotations and defaults generation goes on past (none with `strict`: they are failures then). */
  warnings: Diagnostic[];
}

/** One model checked: the model as the emitters take it and what was found to warn about, or why it cannot be generated. */
export type ModelVerdict = { model: ModelContract; found: Diagnostic[] } | { refusal: Diagnostic };

/** Checks one model's request schema (with its overlay applied); warnings are returned, not judged. */
export function checkModel(unrefined: ModelContract): ModelVerdict {
  const where = (pointer: string) => `${model.schemaField}#${pointer}`;
  const found: Diagnostic[] = [];
  const { overlay } = unrefined;
  const upstream = requestSchemaOf(unrefined.raw) as JsonSchema;
  const model = { ...unrefined, schema: overlay === undefined ? unrefined.schema : applyOverlay(upstream, overlay) };
  try {
    if (model.schema !== null) {
      const draft07 = asDraft07(model.schema);
      model.schema = draft07.schema;
      const { warnings, dialect, normalized } = checkSchema(model.schema);
      found.push(...[...draft07.warnings, ...warnings].map((w) => ({ file: model.file, model: model.id, at: where(w.pointer), message: w.message })));
      if (!normalized) model.schema = normalizeForEmit(model.schema, dialect);
    }
    if (overlay !== undefined) {
      const overlayFile = model.file.replace(/models[\\/][^\\/]*$/, overlay.file);
      found.push(...staleReviews(upstream, overlay).map((w) => ({ file: overlayFile, model: model.id, at: `#${w.pointer}`, message: w.message })));
    }
  } catch (error) {
    if (!(error instanceof SchemaRefusal)) throw error;
    return { refusal: { file: model.file, model: model.id, at: where(error.pointer), message: error.message } };
  }
  return { model, found };
}

/** Adds a model's verdict to `result`: with `strict`, what was found makes it a failure. */
function judge<T>(verdict: { model: T; found: Diagnostic[] } | { refusal: Diagnostic }, strict: boolean, result: { accepted: T[]; failures: Diagnostic[]; warnings: Diagnostic[] }): void {
  if ("refusal" in verdict) result.failures.push(verdict.refusal);
  else if (strict && verdict.found.length > 0) result.failures.push(...verdict.found.map((d) => ({ ...d, message: `${d.message} (an error with --strict)` })));
  else {
    result.warnings.push(...verdict.found);
    result.accepted.push(verdict.model);
  }
}

/**
 * Checks every model's request schema. `strict` makes each warning (an unknown keyword, a default
 * its schema rejects, an overlay reviewed against upstream text that has since changed) a failure.
 */
export function checkModels(models: readonly ModelContract[], strict = false): ModelCheck {
  const result: ModelCheck = { accepted: [], failures: [], warnings: [] };
  for (const model of models) judge(checkModel(model), strict, result);
  return result;
}

/** A model that can be generated, known by its record. */
export interface AcceptedRecall extends RecalledModel {
  record: ModelRecord & { refusal?: undefined };
}

export interface GenerationInput {
  /** The snapshot with the models that can be generated: overlays applied, references normalized; `recalled` those of them known by their record. */
  snapshot: Snapshot & { recalled: AcceptedRecall[] };
  /** Files and models that cannot be generated: unreadable, refused, overlays that do not apply. */
  refused: Diagnostic[];
  warnings: Diagnostic[];
  /** The record of every model file without an overlay, by `source`: for the next run's `recall`. */
  records: Map<string, ModelRecord>;
}

/** A checked model's record (the index's facts about it, and the check's verdict). */
function recordOf(verdict: ModelVerdict): ModelRecord {
  const pair = (d: Diagnostic): [string, string] => [d.at, d.message];
  if ("refusal" in verdict) return { id: verdict.refusal.model!, hash: "", digest: "", media: [], warnings: [], refusal: pair(verdict.refusal) };
  const { model, found } = verdict;
  return { id: model.id, hash: schemaHash(requestSchemaOf(model.raw)), digest: modelDigest(model), media: mediaParameters(model.schema), warnings: found.map(pair) };
}

/** A recalled model's verdict, as checking it again would give it. */
function verdictOf(recalled: RecalledModel): { model: AcceptedRecall; found: Diagnostic[] } | { refusal: Diagnostic } {
  const { id, file, record } = recalled;
  const diagnostic = ([at, message]: [string, string]): Diagnostic => ({ file, model: id, at, message });
  if (record.refusal !== undefined) return { refusal: diagnostic(record.refusal) };
  return { model: recalled as AcceptedRecall, found: record.warnings.map(diagnostic) };
}

/**
 * What `generate` emits from the snapshot folder `dir`: its models, checked one by one. A model file
 * whose bytes `recall` knows is judged by its record instead of being parsed and checked again.
 */
export async function generationInput(dir: string, strict = false, recall?: Recall): Promise<GenerationInput> {
  const snapshot = await readSnapshot(dir, recall);
  const unusable = new Set(snapshot.failures.map((f) => f.model));
  const records = new Map<string, ModelRecord>();
  const checked = { accepted: [] as ModelContract[], failures: [] as Diagnostic[], warnings: [] as Diagnostic[] };
  const known = { accepted: [] as AcceptedRecall[], failures: checked.failures, warnings: checked.warnings };
  // Both lists are sorted by id; they are merged so that what is said comes in the order of ids.
  const parsed = snapshot.models.filter((m) => !unusable.has(m.id));
  const recalled = (snapshot.recalled ?? []).filter((m) => !unusable.has(m.id));
  for (let p = 0, r = 0; p < parsed.length || r < recalled.length; ) {
    if (r === recalled.length || (p < parsed.length && parsed[p]!.id < recalled[r]!.id)) {
      const model = parsed[p++]!;
      const verdict = checkModel(model);
      if (model.overlay === undefined && model.source !== undefined) records.set(model.source, recordOf(verdict));
      judge(verdict, strict, checked);
    } else {
      const model = recalled[r++]!;
      records.set(model.source, model.record);
      judge(verdictOf(model), strict, known);
    }
  }
  // With `strict`, an overlay that applies to nothing is an error too (of no model: it blocks none).
  const [orphanErrors, orphanWarnings] = strict ? [snapshot.warnings, []] : [[], snapshot.warnings];
  return {
    snapshot: { ...snapshot, models: checked.accepted, recalled: known.accepted },
    refused: [...snapshot.failures, ...orphanErrors, ...checked.failures],
    warnings: [...orphanWarnings, ...checked.warnings],
    records,
  };
}

/**
 * The checked model a recalled one stands for, read again from its file: for the rare run whose
 * emit cache lacks its files (an output file edited, its names changed). Bytes that no longer
 * match the record are an error, never emitted under the record's key.
 */
export function reloadModel(recalled: RecalledModel): ModelContract {
  const bytes = readFileSync(recalled.file);
  if (sourceHash(bytes) !== recalled.source) throw new Error("the file changed while generate ran; run it again");
  const checked = checkModel(parseModel(JSON.parse(bytes.toString("utf8")), recalled.file));
  if (!("model" in checked)) throw new Error(checked.refusal.message);
  return { ...checked.model, source: recalled.source };
}
