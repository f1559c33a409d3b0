import { describe, expect, it } from "vitest";
import rule from "./constraint-added.js";
import { rulesFor } from "./test-support.js";

describe("constraint-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports contains added", () => {
    expect(rulesFor({ type: "array" }, { type: "array", contains: { const: "a" } })).toEqual(["constraint-added:breaking"]);
  });

  it("reports not added", () => {
    expect(rulesFor({ type: "string" }, { type: "string", not: { const: "" } })).toEqual(["constraint-added:breaking"]);
  });

  it("reports if/then added", () => {
    expect(rulesFor({ type: "object" }, { type: "object", if: { required: ["a"] }, then: { required: ["b"] } })).toEqual(["constraint-added:breaking", "property-became-required:breaking"]);
  });

  it("is constraint-removed the other way", () => {
    expect(rulesFor({ type: "array", contains: { const: "a" } }, { type: "array" })).toEqual(["constraint-removed:feature"]);
  });
});
