import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./enum-value-added.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("enum-value-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a new allowed value, integer enums included", () => {
    expect(diffSchemas("m", obj({ k: { type: "integer", enum: [4, 5] } }), obj({ k: { type: "integer", enum: [4, 5, 6] } }))).toEqual([
      { model: "m", rule: "enum-value-added", level: "feature", path: "/properties/k/enum", before: [4, 5], after: [4, 5, 6], message: "k: now also accepts 6" },
    ]);
  });
});
