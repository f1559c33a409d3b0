// Overlays: hand-kept, reviewed JSON Schema refinements for rules an upstream states only in prose
// (schemas/overlays/<stem>.json). Each is applied at generate time as one more `allOf` member of
// the upstream request schema, so it can only narrow what the upstream accepts; it records the
// upstream nodes it was reviewed against (by hash) so that drift can say when they change.
import { canonicalJson, sha256 } from "../snapshot/canonical.js";
import { pointerSegment, SchemaRefusal, type JsonSchema, type SchemaIssue } from "./schema-check.js";
import { refResolver } from "./schema-refs.js";

/** The annotation on a schema an overlay refines: where the overlay is and what it was reviewed against. */
export const OVERLAY_MARK = "x-oxen-overlay";

export interface OverlayRecord {
  /** The overlay file, relative to the snapshot folder. */
  file: string;
  /** JSON pointer into the upstream request schema → sha256 of the canonical JSON there at review. */
  reviewed: Record<string, string>;
}

export interface Overlay extends OverlayRecord {
  model: string;
  /** Said in the model's documentation: the rule in words. */
  description: string;
  schema: JsonSchema;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The hash an overlay records for the upstream node it was reviewed against. */
export function reviewHash(node: unknown): string {
  return sha256(canonicalJson(node ?? null));
}

/** The node at a JSON pointer of `root`, or undefined. */
export function nodeAt(root: unknown, pointer: string): unknown {
  const { resolve, rootBase } = refResolver(isObject(root) ? root : {});
  return resolve(`#${pointer}`, rootBase)?.target;
}

/** Reads an overlay file's content; a SchemaRefusal's pointer is into the overlay file. */
export function parseOverlay(value: unknown, file: string): Overlay {
  if (!isObject(value)) throw new SchemaRefusal("", "an overlay must be a JSON object { model, description, reviewed, schema }");
  if (typeof value.model !== "string") throw new SchemaRefusal("/model", "expected the model id this overlay refines");
  if (typeof value.description !== "string" || value.description.trim() === "") throw new SchemaRefusal("/description", "expected the rule in words, for the model's documentation");
  if (!isObject(value.schema)) throw new SchemaRefusal("/schema", "expected a JSON Schema object");
  if (!isObject(value.reviewed) || Object.values(value.reviewed).some((h) => typeof h !== "string")) {
    throw new SchemaRefusal("/reviewed", "expected an object of JSON pointer → sha256 of the upstream node reviewed");
  }
  return { model: value.model, description: value.description, schema: value.schema, reviewed: value.reviewed as Record<string, string>, file };
}

/** Every property name an overlay schema mentions (in `properties` or `required`), with its pointer in the overlay file. */
function namedProperties(node: unknown, pointer: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((child, i) => namedProperties(child, `${pointer}/${i}`, out));
  else if (isObject(node)) {
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) out.push([name, `${pointer}/properties/${pointerSegment(name)}`]);
    if (Array.isArray(node.required)) node.required.forEach((name, i) => typeof name === "string" && out.push([name, `${pointer}/required/${i}`]));
    for (const [key, child] of Object.entries(node)) if (key !== "enum" && key !== "const" && key !== "default") namedProperties(child, `${pointer}/${pointerSegment(key)}`, out);
  }
  return out;
}

/**
 * Throws a SchemaRefusal (pointer into the overlay file) when the overlay names a property or
 * reviewed node the upstream no longer has, or a `$ref` that points nowhere in it.
 */
export function checkOverlay(upstream: JsonSchema, overlay: Overlay): void {
  const properties = isObject(upstream.properties) ? upstream.properties : {};
  for (const [name, pointer] of namedProperties(overlay.schema, "/schema")) {
    if (!Object.hasOwn(properties, name)) throw new SchemaRefusal(pointer, `the upstream request schema has no property "${name}" any more; review the overlay`);
  }
  for (const pointer of Object.keys(overlay.reviewed)) {
    if (nodeAt(upstream, pointer) === undefined) throw new SchemaRefusal(`/reviewed/${pointerSegment(pointer)}`, `the upstream request schema has nothing at ${pointer} any more; review the overlay`);
  }
  const { resolve, rootBase } = refResolver(upstream);
  const checkRefs = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => checkRefs(child, `${pointer}/${i}`));
    else if (isObject(node)) {
      if (typeof node.$ref === "string" && (!node.$ref.startsWith("#") || resolve(node.$ref, rootBase) === undefined)) {
        throw new SchemaRefusal(`${pointer}/$ref`, `${JSON.stringify(node.$ref)} points at nothing in the upstream request schema`);
      }
      for (const [key, child] of Object.entries(node)) checkRefs(child, `${pointer}/${pointerSegment(key)}`);
    }
  };
  checkRefs(overlay.schema, "/schema");
}

/**
 * The upstream schema with the overlay's record (`x-oxen-overlay`: its file and what it was
 * reviewed against) and nothing else: what the drift report compares, so that a snapshot read
 * with overlays and one without (the live API) differ only by that annotation.
 */
export function withOverlayRecord(upstream: JsonSchema, overlay: Overlay): JsonSchema {
  const record: OverlayRecord = { file: overlay.file, reviewed: overlay.reviewed };
  return { ...upstream, [OVERLAY_MARK]: record };
}

/** The schema generated: the upstream one, the overlay's rule as one more `allOf` member, its words added to the description. */
export function applyOverlay(upstream: JsonSchema, overlay: Overlay): JsonSchema {
  const description = [upstream.description, overlay.description].filter((d) => typeof d === "string" && d !== "").join("\n\n");
  return { ...withOverlayRecord(upstream, overlay), description, allOf: [...(Array.isArray(upstream.allOf) ? upstream.allOf : []), overlay.schema] };
}

/** Reviewed upstream nodes that changed since the review: one issue each, pointer into the overlay file. */
export function staleReviews(upstream: JsonSchema, overlay: Overlay): SchemaIssue[] {
  return Object.entries(overlay.reviewed).flatMap(([pointer, hash]) => {
    const now = reviewHash(nodeAt(upstream, pointer));
    return now === hash ? [] : [{ pointer: `/reviewed/${pointerSegment(pointer)}`, message: `the upstream ${pointer} changed since this overlay was reviewed; re-review it and set the hash to ${now}` }];
  });
}
