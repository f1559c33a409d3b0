import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./variant-added.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("variant-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports an anyOf branch added", () => {
    expect(diffSchemas("m", obj({ v: { anyOf: [{ type: "string" }, { type: "integer" }] } }), obj({ v: { anyOf: [{ type: "string" }, { type: "integer" }, { type: "array" }] } }))).toEqual([
      { model: "m", rule: "variant-added", level: "feature", path: "/properties/v/anyOf/2", before: null, after: { type: "array" }, message: "v: anyOf branch 2 added" },
    ]);
  });

  it("reports a type widened through anyOf as a branch added", () => {
    expect(rulesFor({ type: "string", description: "d" }, { description: "d", anyOf: [{ type: "string" }, { type: "integer" }] })).toEqual(["variant-added:feature"]);
  });

  it("reports a oneOf branch that overlaps no other", () => {
    expect(rulesFor({ oneOf: [{ type: "string" }, { type: "integer" }] }, { oneOf: [{ type: "string" }, { type: "integer" }, { type: "boolean" }] })).toEqual(["variant-added:feature"]);
  });

  it("is variant-removed the other way", () => {
    expect(rulesFor({ anyOf: [{ type: "string" }, { type: "integer" }, { type: "array" }] }, { anyOf: [{ type: "string" }, { type: "integer" }] })).toEqual(["variant-removed:breaking"]);
  });

  it("reports a null branch as nullability, whichever list it is in", () => {
    expect(rulesFor({ oneOf: [{ type: "string" }] }, { oneOf: [{ type: "string" }, { type: "null" }] })).toEqual(["nullable-added:feature"]);
  });
});
