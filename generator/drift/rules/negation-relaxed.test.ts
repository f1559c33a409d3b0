import { describe, expect, it } from "vitest";
import rule from "./negation-relaxed.js";
import { rulesFor } from "./test-support.js";

describe("negation-relaxed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a value dropped from the excluded ones", () => {
    expect(rulesFor({ type: "string", not: { enum: ["a", "b"] } }, { type: "string", not: { const: "a" } })).toEqual(["negation-relaxed:feature"]);
  });

  it("reports a bound raised under not", () => {
    expect(rulesFor({ type: "integer", not: { minimum: 10 } }, { type: "integer", not: { minimum: 20 } })).toEqual(["negation-relaxed:feature"]);
  });

  it("is negation-changed the other way", () => {
    expect(rulesFor({ type: "string", not: { const: "a" } }, { type: "string", not: { enum: ["a", "b"] } })).toEqual(["negation-changed:breaking"]);
  });
});
