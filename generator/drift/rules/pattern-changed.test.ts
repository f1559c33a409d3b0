import { describe, expect, it } from "vitest";
import rule from "./pattern-changed.js";
import { rulesFor } from "./test-support.js";

describe("pattern-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a pattern replaced by another", () => {
    expect(rulesFor({ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" })).toEqual(["pattern-changed:breaking"]);
  });

  it("is pattern-changed the other way too", () => {
    expect(rulesFor({ type: "string", pattern: "^b" }, { type: "string", pattern: "^a" })).toEqual(["pattern-changed:breaking"]);
  });

  it("counts .* and the empty pattern as no pattern", () => {
    expect(rulesFor({ type: "string", pattern: "" }, { type: "string", pattern: ".*" })).toEqual([]);
  });
});
