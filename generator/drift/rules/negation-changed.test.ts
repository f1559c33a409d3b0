import { describe, expect, it } from "vitest";
import rule from "./negation-changed.js";
import { rulesFor } from "./test-support.js";

describe("negation-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports the excluded values changed", () => {
    expect(rulesFor({ not: { const: "a" } }, { not: { enum: ["a", "b"] } })).toEqual(["negation-changed:breaking"]);
  });

  it("is negation-relaxed the other way", () => {
    expect(rulesFor({ not: { enum: ["a", "b"] } }, { not: { const: "a" } })).toEqual(["negation-relaxed:feature"]);
  });

  it("counts a change inside not that is neither narrower nor wider as breaking", () => {
    expect(rulesFor({ not: { type: "string" } }, { not: { type: "integer" } })).toEqual(["negation-changed:breaking"]);
  });

  it("reports only documentation changed inside not as docs", () => {
    expect(rulesFor({ not: { const: "a" } }, { not: { const: "a", description: "d" } })).toEqual(["description-changed:docs"]);
  });
});
