import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./opened-to-unknown-properties.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("opened-to-unknown-properties", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports additionalProperties: false removed", () => {
    expect(diffSchemas("m", { ...obj({ a: { type: "string" } }), additionalProperties: false }, obj({ a: { type: "string" } }))).toEqual([
      { model: "m", rule: "opened-to-unknown-properties", level: "feature", path: "/additionalProperties", before: false, after: null, message: "request body: unknown properties now accepted" },
    ]);
  });
});
