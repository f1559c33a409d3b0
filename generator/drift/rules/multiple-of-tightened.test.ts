import { describe, expect, it } from "vitest";
import rule from "./multiple-of-tightened.js";
import { rulesFor } from "./test-support.js";

describe("multiple-of-tightened", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports multipleOf added", () => {
    expect(rulesFor({ type: "integer" }, { type: "integer", multipleOf: 8 })).toEqual(["multiple-of-tightened:breaking"]);
  });

  it("reports multipleOf changed to a value that does not divide the old", () => {
    expect(rulesFor({ type: "number", multipleOf: 4 }, { type: "number", multipleOf: 3 })).toEqual(["multiple-of-tightened:breaking"]);
  });

  it("is multiple-of-relaxed the other way", () => {
    expect(rulesFor({ type: "integer", multipleOf: 8 }, { type: "integer" })).toEqual(["multiple-of-relaxed:feature"]);
  });
});
