import { describe, expect, it } from "vitest";
import rule from "./condition-changed.js";
import { rulesFor } from "./test-support.js";

describe("condition-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports the if changed", () => {
    expect(rulesFor({ type: "object", if: { required: ["a"] }, then: { required: ["b"] } }, { type: "object", if: { required: ["c"] }, then: { required: ["b"] } })).toEqual(["condition-changed:breaking"]);
  });

  it("is condition-changed the other way too", () => {
    expect(rulesFor({ type: "object", if: { required: ["c"] }, then: { required: ["b"] } }, { type: "object", if: { required: ["a"] }, then: { required: ["b"] } })).toEqual(["condition-changed:breaking"]);
  });

  it("compares then and else as constraints when the if is the same", () => {
    expect(rulesFor({ type: "object", if: { required: ["a"] }, then: { required: ["b"] } }, { type: "object", if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } })).toEqual(["property-became-required:breaking"]);
  });
});
