import { describe, expect, it } from "vitest";
import rule from "./variant-overlap-widened.js";
import { rulesFor } from "./test-support.js";

describe("variant-overlap-widened", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a oneOf branch loosened while another branch may accept the same values", () => {
    expect(rulesFor({ oneOf: [{ type: "string", maxLength: 3 }, { type: "string", minLength: 5 }] }, { oneOf: [{ type: "string", maxLength: 6 }, { type: "string", minLength: 5 }] })).toEqual(["bound-relaxed:feature", "variant-overlap-widened:breaking"]);
  });

  it("is a tightening the other way, and no overlap", () => {
    expect(rulesFor({ oneOf: [{ type: "string", maxLength: 6 }, { type: "string", minLength: 5 }] }, { oneOf: [{ type: "string", maxLength: 3 }, { type: "string", minLength: 5 }] })).toEqual(["maximum-lowered:breaking"]);
  });

  it("does not apply to branches that accept different kinds of value", () => {
    expect(rulesFor({ oneOf: [{ type: "string", maxLength: 3 }, { type: "integer" }] }, { oneOf: [{ type: "string", maxLength: 6 }, { type: "integer" }] })).toEqual(["bound-relaxed:feature"]);
  });
});
