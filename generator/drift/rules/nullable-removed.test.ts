import { describe, expect, it } from "vitest";
import rule from "./nullable-removed.js";
import { rulesFor } from "./test-support.js";

describe("nullable-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a null branch of anyOf removed", () => {
    expect(rulesFor({ anyOf: [{ type: "string" }, { type: "null" }] }, { type: "string" })).toEqual(["nullable-removed:breaking"]);
  });

  it("reports null dropped from an enum", () => {
    expect(rulesFor({ enum: ["a", null] }, { enum: ["a"] })).toEqual(["nullable-removed:breaking"]);
  });

  it("is nullable-added the other way", () => {
    expect(rulesFor({ type: "string" }, { type: "string", nullable: true })).toEqual(["nullable-added:feature"]);
  });
});
