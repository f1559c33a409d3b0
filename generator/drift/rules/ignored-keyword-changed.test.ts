import { describe, expect, it } from "vitest";
import rule from "./ignored-keyword-changed.js";
import { rulesFor } from "./test-support.js";

describe("ignored-keyword-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a format the validator does not check (OpenAPI's int32, int64)", () => {
    expect(rulesFor({ type: "string", format: "int32" }, { type: "string", format: "int64" })).toEqual(["ignored-keyword-changed:docs"]);
  });

  it("reports then without if, and minContains without contains", () => {
    expect(rulesFor({ type: "array", then: { minItems: 1 } }, { type: "array", then: { minItems: 2 }, minContains: 3 })).toEqual(["ignored-keyword-changed:docs", "ignored-keyword-changed:docs"]);
  });

  it("is ignored-keyword-changed the other way too", () => {
    expect(rulesFor({ type: "string", format: "int64" }, { type: "string", format: "int32" })).toEqual(["ignored-keyword-changed:docs"]);
  });
});
