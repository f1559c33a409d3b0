import { describe, expect, it } from "vitest";
import rule from "./ignored-keyword-changed.js";
import { rulesFor } from "./test-support.js";

describe("ignored-keyword-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a format the validator does not check", () => {
    expect(rulesFor({ type: "string", format: "date-time" }, { type: "string", format: "date" })).toEqual(["ignored-keyword-changed:docs"]);
  });

  it("reports then without if, and minContains without contains", () => {
    expect(rulesFor({ type: "array", then: { minItems: 1 } }, { type: "array", then: { minItems: 2 }, minContains: 3 })).toEqual(["ignored-keyword-changed:docs", "ignored-keyword-changed:docs"]);
  });

  it("is ignored-keyword-changed the other way too", () => {
    expect(rulesFor({ type: "string", format: "date" }, { type: "string", format: "date-time" })).toEqual(["ignored-keyword-changed:docs"]);
  });
});
