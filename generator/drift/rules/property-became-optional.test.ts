import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-became-optional.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-became-optional", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports required → optional", () => {
    expect(diffSchemas("m", obj({ a: {}, b: {} }, ["a", "b"]), obj({ a: {}, b: {} }, ["a"]))).toEqual([
      { model: "m", rule: "property-became-optional", level: "feature", path: "/properties/b", before: true, after: false, message: "b: now optional" },
    ]);
  });
});
