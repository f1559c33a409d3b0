import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./variant-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("variant-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports an anyOf branch removed", () => {
    expect(diffSchemas("m", obj({ v: { anyOf: [{ type: "string" }, { type: "integer" }] } }), obj({ v: { anyOf: [{ type: "string" }] } }))).toEqual([
      { model: "m", rule: "variant-removed", level: "breaking", path: "/properties/v/anyOf", before: [{ type: "string" }, { type: "integer" }], after: [{ type: "string" }], message: "v: 1 anyOf branch(es) removed" },
    ]);
  });
});
