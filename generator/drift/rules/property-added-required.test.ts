import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-added-required.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-added-required", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a new required parameter", () => {
    expect(diffSchemas("m", obj({ a: { type: "string" } }, ["a"]), obj({ a: { type: "string" }, b: { type: "string" } }, ["a", "b"]))).toEqual([
      { model: "m", rule: "property-added-required", level: "breaking", path: "/properties/b", before: null, after: { type: "string" }, message: "b: new required parameter" },
    ]);
  });

  it("reports it once, not also as now required", () => {
    expect(diffSchemas("m", obj({}), obj({ b: {} }, ["b"])).map((c) => c.rule)).toEqual(["property-added-required"]);
  });
});
