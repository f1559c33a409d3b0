import { describe, expect, it } from "vitest";
import { OVERLAY_MARK, reviewHash } from "../../load/overlay.js";
import { diffSchemas } from "../engine.js";
import rule from "./overlay-upstream-changed.js";

const PROMPT = { type: "string", description: "Required if image is not provided." };
const withOverlay = (prompt: unknown, reviewedPrompt: unknown = PROMPT) => ({
  type: "object",
  properties: prompt === undefined ? { input_image: { type: "string" } } : { prompt, input_image: { type: "string" } },
  [OVERLAY_MARK]: { file: "overlays/m.json", reviewed: { "/properties/prompt": reviewHash(reviewedPrompt) } },
});
const found = (before: Record<string, unknown>, after: Record<string, unknown>) => diffSchemas("m", before, after).filter((c) => c.rule === rule.id);

describe("overlay-upstream-changed", () => {
  it("is behavior", () => expect(rule.level).toBe("behavior"));

  it("reports a reviewed property whose upstream text changed, at its pointer", () => {
    const changed = { ...PROMPT, description: "Always required." };
    expect(found(withOverlay(PROMPT), withOverlay(changed))).toEqual([
      expect.objectContaining({ model: "m", level: "behavior", path: "/properties/prompt", before: PROMPT, after: changed, message: expect.stringMatching(/^\/properties\/prompt changed .* since overlays\/m\.json was reviewed: re-review/) }),
    ]);
  });

  it("reports a reviewed property that is gone", () => {
    expect(found(withOverlay(PROMPT), withOverlay(undefined))).toEqual([expect.objectContaining({ path: "/properties/prompt", after: null, message: expect.stringContaining("is gone") })]);
  });

  it("says nothing when the reviewed node is unchanged, or changed to what was reviewed", () => {
    const other = { type: "object", properties: { prompt: PROMPT, input_image: { type: "integer" } } };
    expect(found(withOverlay(PROMPT), { ...withOverlay(PROMPT), properties: other.properties })).toEqual([]);
    // The overlay was reviewed against the new text already: nothing left to re-review.
    const changed = { ...PROMPT, description: "Always required." };
    expect(found(withOverlay(PROMPT, changed), withOverlay(changed, changed))).toEqual([]);
  });

  it("leaves the change itself to the other rules", () => {
    const changed = { ...PROMPT, description: "Always required." };
    expect(diffSchemas("m", withOverlay(PROMPT), withOverlay(changed)).map((c) => c.rule).sort()).toEqual(["description-changed", "overlay-upstream-changed"]);
  });
});
