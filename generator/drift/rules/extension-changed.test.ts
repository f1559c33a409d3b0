import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./extension-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("extension-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed vendor annotation", () => {
    expect(diffSchemas("m", obj({ v: { type: "string", "x-ui": "slider" } }), obj({ v: { type: "string", "x-ui": "box" } }))).toEqual([
      { model: "m", rule: "extension-changed", level: "docs", path: "/properties/v/x-ui", before: "slider", after: "box", message: "v: annotation x-ui changed" },
    ]);
  });
});
