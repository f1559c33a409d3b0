import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./description-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("description-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed description", () => {
    expect(diffSchemas("m", obj({ p: { type: "string", description: "old" } }), obj({ p: { type: "string", description: "new" } }))).toEqual([
      { model: "m", rule: "description-changed", level: "docs", path: "/properties/p/description", before: "old", after: "new", message: "p: description changed" },
    ]);
  });
});
