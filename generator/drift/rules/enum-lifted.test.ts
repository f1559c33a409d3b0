import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./enum-lifted.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("enum-lifted", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports an enum removed", () => {
    expect(diffSchemas("m", obj({ q: { type: "string", enum: ["low", "high"] } }), obj({ q: { type: "string" } }))).toEqual([
      { model: "m", rule: "enum-lifted", level: "feature", path: "/properties/q/enum", before: ["low", "high"], after: null, message: "q: no longer limited to a list of values" },
    ]);
  });
});
