import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a parameter removed", () => {
    expect(diffSchemas("m", obj({ a: { type: "string" }, seed: { type: "integer" } }), obj({ a: { type: "string" } }))).toEqual([
      { model: "m", rule: "property-removed", level: "breaking", path: "/properties/seed", before: { type: "integer" }, after: null, message: "seed: parameter removed" },
    ]);
  });

  it("reports a required parameter removed once, not also as now optional", () => {
    expect(diffSchemas("m", obj({ a: {}, b: {} }, ["a", "b"]), obj({ a: {} }, ["a"])).map((c) => c.rule)).toEqual(["property-removed"]);
  });
});
