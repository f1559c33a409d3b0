// Which models of a snapshot can be generated: each request schema checked on its own, so that
// one bad model is named and the others go on.
import type { Diagnostic } from "./diagnostic.js";
import { readSnapshot, type Snapshot } from "./load.js";
import { requestSchemaOf, type ModelContract } from "./model.js";
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

/**
 * Checks every model's request schema. `strict` makes each warning (an unknown keyword, a default
 * its schema rejects, an overlay reviewed against upstream text that has since changed) a failure.
 */
export function checkModels(models: readonly ModelContract[], strict = false): ModelCheck {
  const result: ModelCheck = { accepted: [], failures: [], warnings: [] };
  for (const unrefined of models) {
    const where = (pointer: string) => `${model.schemaField}#${pointer}`;
    const found: Diagnostic[] = [];
    const { overlay } = unrefined;
    const upstream = requestSchemaOf(unrefined.raw) as JsonSchema;
    const model = { ...unrefined, schema: overlay === undefined ? unrefined.schema : applyOverlay(upstream, overlay) };
    try {
      if (model.schema !== null) {
        const { warnings, dialect, normalized } = checkSchema(model.schema);
        found.push(...warnings.map((w) => ({ file: model.file, model: model.id, at: where(w.pointer), message: w.message })));
        if (!normalized) model.schema = normalizeForEmit(model.schema, dialect);
      }
      if (overlay !== undefined) {
        const overlayFile = model.file.replace(/models[\\/][^\\/]*$/, overlay.file);
        found.push(...staleReviews(upstream, overlay).map((w) => ({ file: overlayFile, model: model.id, at: `#${w.pointer}`, message: w.message })));
      }
    } catch (error) {
      if (!(error instanceof SchemaRefusal)) throw error;
      result.failures.push({ file: model.file, model: model.id, at: where(error.pointer), message: error.message });
      continue;
    }
    if (strict && found.length > 0) result.failures.push(...found.map((d) => ({ ...d, message: `${d.message} (an error with --strict)` })));
    else {
      result.warnings.push(...found);
      result.accepted.push(model);
    }
  }
  return result;
}

export interface GenerationInput {
  /** The snapshot with the models that can be generated: overlays applied, references normalized. */
  snapshot: Snapshot;
  /** Files and models that cannot be generated: unreadable, refused, overlays that do not apply. */
  refused: Diagnostic[];
  warnings: Diagnostic[];
}

/** What `generate` emits from the snapshot folder `dir`: its models, checked one by one. */
export async function generationInput(dir: string, strict = false): Promise<GenerationInput> {
  const snapshot = await readSnapshot(dir);
  const unusable = new Set(snapshot.failures.map((f) => f.model));
  const checked = checkModels(snapshot.models.filter((m) => !unusable.has(m.id)), strict);
  // With `strict`, an overlay that applies to nothing is an error too (of no model: it blocks none).
  const [orphanErrors, orphanWarnings] = strict ? [snapshot.warnings, []] : [[], snapshot.warnings];
  return {
    snapshot: { ...snapshot, models: checked.accepted },
    refused: [...snapshot.failures, ...orphanErrors, ...checked.failures],
    warnings: [...orphanWarnings, ...checked.warnings],
  };
}
