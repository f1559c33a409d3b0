import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./opened-to-unknown-properties.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("opened-to-unknown-properties", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  // The generated validator closes an object that lists properties and says nothing about others,
  // so dropping `additionalProperties: false` from one opens nothing; opening it takes a schema (or true).
  it("reports additionalProperties: false replaced by a schema", () => {
    expect(diffSchemas("m", { ...obj({ a: { type: "string" } }), additionalProperties: false }, { ...obj({ a: { type: "string" } }), additionalProperties: { type: "string" } })).toEqual([
      { model: "m", rule: "opened-to-unknown-properties", level: "feature", path: "/additionalProperties", before: false, after: { type: "string" }, message: "request body: unknown properties now accepted" },
    ]);
  });

  it("sees no change when the validator closed the object anyway", () => {
    expect(diffSchemas("m", { ...obj({ a: { type: "string" } }), additionalProperties: false }, obj({ a: { type: "string" } }))).toEqual([]);
  });

  it("is closed-to-unknown-properties the other way", () => {
    expect(rulesFor({ type: "object", additionalProperties: true }, { type: "object", additionalProperties: false })).toEqual(["closed-to-unknown-properties:breaking"]);
  });
});
