import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./property-became-optional.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("property-became-optional", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports required → optional", () => {
    expect(diffSchemas("m", obj({ a: {}, b: {} }, ["a", "b"]), obj({ a: {}, b: {} }, ["a"]))).toEqual([
      { model: "m", rule: "property-became-optional", level: "feature", path: "/properties/b", before: true, after: false, message: "b: now optional" },
    ]);
  });

  it("reports a required property dropped from an open object (a then branch) as optional: its name is free now", () => {
    expect(rulesFor({ type: "object", if: { required: ["a"] }, then: { properties: { b: { type: "string" } }, required: ["b"] } }, { type: "object", if: { required: ["a"] }, then: {} })).toEqual(["property-became-optional:feature", "type-widened:feature"]);
  });

  it("is property-became-required the other way", () => {
    expect(rulesFor({ type: "object", properties: { a: {} } }, { type: "object", properties: { a: {} }, required: ["a"] })).toEqual(["property-became-required:breaking"]);
  });
});
