import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./x-order-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("x-order-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed display position", () => {
    expect(diffSchemas("m", obj({ p: { type: "string", "x-order": 0 } }), obj({ p: { type: "string", "x-order": 3 } }))).toEqual([
      { model: "m", rule: "x-order-changed", level: "docs", path: "/properties/p/x-order", before: 0, after: 3, message: "p: display order (x-order) changed from 0 to 3" },
    ]);
  });
});
