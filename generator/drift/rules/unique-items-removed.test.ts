import { describe, expect, it } from "vitest";
import rule from "./unique-items-removed.js";
import { rulesFor } from "./test-support.js";

describe("unique-items-removed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports uniqueItems removed", () => {
    expect(rulesFor({ type: "array", uniqueItems: true }, { type: "array" })).toEqual(["unique-items-removed:feature"]);
  });

  it("is unique-items-added the other way", () => {
    expect(rulesFor({ type: "array", uniqueItems: false }, { type: "array", uniqueItems: true })).toEqual(["unique-items-added:breaking"]);
  });
});
