import { describe, expect, it } from "vitest";
import rule from "./multiple-of-relaxed.js";
import { rulesFor } from "./test-support.js";

describe("multiple-of-relaxed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports multipleOf changed to a divisor", () => {
    expect(rulesFor({ type: "integer", multipleOf: 8 }, { type: "integer", multipleOf: 4 })).toEqual(["multiple-of-relaxed:feature"]);
  });

  it("is multiple-of-tightened the other way", () => {
    expect(rulesFor({ type: "integer", multipleOf: 4 }, { type: "integer", multipleOf: 8 })).toEqual(["multiple-of-tightened:breaking"]);
  });
});
