import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./closed-to-unknown-properties.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("closed-to-unknown-properties", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  // An object that lists properties is closed by the generated validator already; one that allows
  // others explicitly, or a composition branch, is not.
  it("reports additionalProperties: false added to an open object", () => {
    expect(diffSchemas("m", { ...obj({ a: { type: "string" } }), additionalProperties: true }, { ...obj({ a: { type: "string" } }), additionalProperties: false })).toEqual([
      { model: "m", rule: "closed-to-unknown-properties", level: "breaking", path: "/additionalProperties", before: true, after: false, message: "request body: unknown properties now rejected (additionalProperties: false)" },
    ]);
  });

  it("sees no change when the validator closed the object anyway", () => {
    expect(diffSchemas("m", obj({ a: { type: "string" } }), { ...obj({ a: { type: "string" } }), additionalProperties: false })).toEqual([]);
  });

  it("is opened-to-unknown-properties the other way", () => {
    expect(rulesFor({ type: "object", additionalProperties: false }, { type: "object" })).toEqual(["opened-to-unknown-properties:feature"]);
  });

  it("walks into additionalProperties given as a schema", () => {
    const [change] = diffSchemas("m", obj({ o: { type: "object", additionalProperties: { type: "string" } } }), obj({ o: { type: "object", additionalProperties: { type: "string", maxLength: 9 } } }));
    expect(change).toMatchObject({ rule: "maximum-lowered", path: "/properties/o/additionalProperties/maxLength" });
  });
});
