// An overlay (schemas/overlays/<id>.json) restates in schema a rule the upstream gives only in
// prose, and records the upstream nodes it was reviewed against. When one of those changes, the
// rule may have changed too: a maintainer re-reviews the overlay.
import { isObject } from "../../load/model.js";
import { nodeAt, OVERLAY_MARK, reviewHash, type OverlayRecord } from "../../load/overlay.js";
import { same, show } from "../support.js";
import type { SchemaRule } from "../types.js";

function recordOf(schema: Record<string, unknown>): OverlayRecord | undefined {
  const record = schema[OVERLAY_MARK];
  return isObject(record) && typeof record.file === "string" && isObject(record.reviewed) ? (record as unknown as OverlayRecord) : undefined;
}

/** An overlay record that was reviewed against `prompt` as `{ type: "string", description: "as reviewed" }`. */
const reviewedPrompt = { file: "overlays/m.json", reviewed: { "/properties/prompt": reviewHash({ type: "string", description: "as reviewed" }) } };

const rule: SchemaRule = {
  scope: "schema",
  id: "overlay-upstream-changed",
  level: "behavior",
  description: "An upstream node an overlay was reviewed against changed: the overlay's rule may no longer hold, so it needs a new review.",
  example: {
    before: { type: "object", [OVERLAY_MARK]: reviewedPrompt, properties: { prompt: { type: "string", description: "Required unless an image is given." } } },
    after: { type: "object", [OVERLAY_MARK]: reviewedPrompt, properties: { prompt: { type: "string", description: "Always required." } } },
  },
  // A reviewed node can sit anywhere under the node that carries the record, so any difference there is looked at.
  claims: () => true,
  check({ before, after, pointer }) {
    // The record stands on the request schema's root (overlays apply there); its pointers are relative to it.
    const record = recordOf(after) ?? recordOf(before);
    if (record === undefined) return [];
    return Object.entries(record.reviewed).flatMap(([reviewed, hash]) => {
      const was = nodeAt(before, reviewed);
      const now = nodeAt(after, reviewed);
      if (same(was, now) || reviewHash(now) === hash) return [];
      const what = now === undefined ? "is gone" : `changed (${show(now)})`;
      return [{ path: `${pointer}${reviewed}`, keywords: [], before: was ?? null, after: now ?? null, message: `${reviewed} ${what} since ${record.file} was reviewed: re-review the overlay and update its hash` }];
    });
  },
};
export default rule;
