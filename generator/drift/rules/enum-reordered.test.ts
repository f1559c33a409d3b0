import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./enum-reordered.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("enum-reordered", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports the same values in another order", () => {
    expect(diffSchemas("m", obj({ q: { enum: ["low", "high"] } }), obj({ q: { enum: ["high", "low"] } }))).toEqual([
      { model: "m", rule: "enum-reordered", level: "docs", path: "/properties/q/enum", before: ["low", "high"], after: ["high", "low"], message: "q: allowed values reordered" },
    ]);
  });
});
