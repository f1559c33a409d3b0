import { describe, expect, it } from "vitest";
import rule from "./deprecation-changed.js";
import { rulesFor } from "./test-support.js";

describe("deprecation-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a parameter deprecated", () => {
    expect(rulesFor({ type: "string" }, { type: "string", deprecated: true })).toEqual(["deprecation-changed:docs"]);
  });

  it("is deprecation-changed the other way too", () => {
    expect(rulesFor({ type: "string", deprecated: true }, { type: "string" })).toEqual(["deprecation-changed:docs"]);
  });
});
