import { describe, expect, it } from "vitest";
import rule from "./unique-items-added.js";
import { rulesFor } from "./test-support.js";

describe("unique-items-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports uniqueItems: true added", () => {
    expect(rulesFor({ type: "array" }, { type: "array", uniqueItems: true })).toEqual(["unique-items-added:breaking"]);
  });

  it("is unique-items-removed the other way", () => {
    expect(rulesFor({ type: "array", uniqueItems: true }, { type: "array", uniqueItems: false })).toEqual(["unique-items-removed:feature"]);
  });
});
