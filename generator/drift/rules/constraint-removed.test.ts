import { describe, expect, it } from "vitest";
import rule from "./constraint-removed.js";
import { rulesFor } from "./test-support.js";

describe("constraint-removed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports if/then dropped", () => {
    expect(rulesFor({ type: "object", if: { required: ["a"] }, then: { required: ["b"] } }, { type: "object" })).toEqual(["constraint-removed:feature", "property-became-optional:feature"]);
  });

  it("reports contains and its bounds removed", () => {
    expect(rulesFor({ type: "array", contains: { type: "string" }, minContains: 2 }, { type: "array" })).toEqual(["bound-relaxed:feature", "constraint-removed:feature"]);
  });

  it("is constraint-added the other way", () => {
    expect(rulesFor({ type: "string" }, { type: "string", not: { const: "" } })).toEqual(["constraint-added:breaking"]);
  });
});
