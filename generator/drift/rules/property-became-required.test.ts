import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-became-required.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-became-required", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports optional → required", () => {
    expect(diffSchemas("m", obj({ a: {}, b: {} }, ["a"]), obj({ a: {}, b: {} }, ["b", "a"]))).toEqual([
      { model: "m", rule: "property-became-required", level: "breaking", path: "/properties/b", before: false, after: true, message: "b: now required" },
    ]);
  });

  it("ignores the order of the required list", () => {
    expect(diffSchemas("m", obj({ a: {}, b: {} }, ["a", "b"]), obj({ a: {}, b: {} }, ["b", "a"]))).toEqual([]);
  });
});
