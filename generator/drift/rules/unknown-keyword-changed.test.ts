import { describe, expect, it } from "vitest";
import rule from "./unknown-keyword-changed.js";
import { rulesFor } from "./test-support.js";

describe("unknown-keyword-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports fal's min, step and limit_description", () => {
    expect(rulesFor({ type: "integer", min: 1, step: 1 }, { type: "integer", min: 2, step: 8, limit_description: "at most 8" })).toEqual(["unknown-keyword-changed:docs", "unknown-keyword-changed:docs", "unknown-keyword-changed:docs"]);
  });

  it("is unknown-keyword-changed the other way too", () => {
    expect(rulesFor({ type: "integer", step: 8 }, { type: "integer" })).toEqual(["unknown-keyword-changed:docs"]);
  });
});
