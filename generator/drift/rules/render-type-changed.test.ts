import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./render-type-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("render-type-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed render type", () => {
    expect(diffSchemas("m", obj({ v: { type: "string", renderType: "image-url" } }), obj({ v: { type: "string", renderType: "video-url" } }))).toEqual([
      { model: "m", rule: "render-type-changed", level: "docs", path: "/properties/v/renderType", before: "image-url", after: "video-url", message: "v: render type changed from \"image-url\" to \"video-url\"" },
    ]);
  });
});
