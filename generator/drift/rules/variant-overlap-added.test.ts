import { describe, expect, it } from "vitest";
import rule from "./variant-overlap-added.js";
import { rulesFor } from "./test-support.js";

describe("variant-overlap-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a oneOf branch that may match what another matches", () => {
    expect(rulesFor({ oneOf: [{ type: "string" }, { type: "integer" }] }, { oneOf: [{ type: "string" }, { type: "integer" }, { type: "string", maxLength: 3 }] })).toEqual(["variant-overlap-added:breaking"]);
  });

  it("is variant-removed the other way", () => {
    expect(rulesFor({ oneOf: [{ type: "string" }, { type: "integer" }, { type: "string", maxLength: 3 }] }, { oneOf: [{ type: "string" }, { type: "integer" }] })).toEqual(["variant-removed:breaking"]);
  });
});
