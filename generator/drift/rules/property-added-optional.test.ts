import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-added-optional.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-added-optional", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a new optional parameter", () => {
    expect(diffSchemas("m", obj({ a: { type: "string" } }), obj({ a: { type: "string" }, b: { type: "boolean" } }))).toEqual([
      { model: "m", rule: "property-added-optional", level: "feature", path: "/properties/b", before: null, after: { type: "boolean" }, message: "b: new optional parameter" },
    ]);
  });
});
