import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./variant-added.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("variant-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports an anyOf branch added", () => {
    expect(diffSchemas("m", obj({ v: { anyOf: [{ type: "string" }] } }), obj({ v: { anyOf: [{ type: "string" }, { type: "null" }] } }))).toEqual([
      { model: "m", rule: "variant-added", level: "feature", path: "/properties/v/anyOf", before: [{ type: "string" }], after: [{ type: "string" }, { type: "null" }], message: "v: 1 anyOf branch(es) added" },
    ]);
  });

  it("leaves a oneOf branch added to unclassified: it can make overlapping values invalid", () => {
    const [change] = diffSchemas("m", obj({ v: { oneOf: [{ type: "string" }] } }), obj({ v: { oneOf: [{ type: "string" }, { type: "null" }] } }));
    expect(change).toMatchObject({ rule: "unclassified", level: "breaking", path: "/properties/v/oneOf" });
  });
});
