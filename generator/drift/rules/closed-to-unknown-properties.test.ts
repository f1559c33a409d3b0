import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./closed-to-unknown-properties.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("closed-to-unknown-properties", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports additionalProperties: false added", () => {
    expect(diffSchemas("m", obj({ a: { type: "string" } }), { ...obj({ a: { type: "string" } }), additionalProperties: false })).toEqual([
      { model: "m", rule: "closed-to-unknown-properties", level: "breaking", path: "/additionalProperties", before: null, after: false, message: "request body: unknown properties now rejected (additionalProperties: false)" },
    ]);
  });

  it("walks into additionalProperties given as a schema", () => {
    const [change] = diffSchemas("m", obj({ o: { type: "object", additionalProperties: { type: "string" } } }), obj({ o: { type: "object", additionalProperties: { type: "string", maxLength: 9 } } }));
    expect(change).toMatchObject({ rule: "maximum-lowered", path: "/properties/o/additionalProperties/maxLength" });
  });
});
