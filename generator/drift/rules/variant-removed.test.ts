import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./variant-removed.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("variant-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports an anyOf branch removed, the list left with one branch", () => {
    expect(diffSchemas("m", obj({ v: { anyOf: [{ type: "string" }, { type: "integer" }] } }), obj({ v: { anyOf: [{ type: "string" }] } }))).toEqual([
      { model: "m", rule: "variant-removed", level: "breaking", path: "/properties/v/anyOf/1", before: { type: "integer" }, after: null, message: "v: anyOf branch 1 removed" },
    ]);
  });

  it("reports a oneOf branch removed", () => {
    expect(rulesFor({ oneOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }] }, { oneOf: [{ type: "string" }, { type: "boolean" }] })).toEqual(["variant-removed:breaking"]);
  });

  it("is variant-added the other way", () => {
    expect(rulesFor({ anyOf: [{ type: "string" }] }, { anyOf: [{ type: "string" }, { type: "integer" }] })).toEqual(["variant-added:feature"]);
  });

  it("sees no change when branches are only reordered", () => {
    expect(rulesFor({ anyOf: [{ type: "string" }, { type: "integer", minimum: 1 }] }, { anyOf: [{ minimum: 1, type: "integer" }, { type: "string" }] })).toEqual([]);
  });
});
