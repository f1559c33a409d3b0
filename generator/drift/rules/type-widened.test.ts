import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./type-widened.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("type-widened", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports integer → [integer, string]", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer" } }), obj({ n: { type: ["integer", "string"] } }))).toEqual([
      { model: "m", rule: "type-widened", level: "feature", path: "/properties/n/type", before: "integer", after: ["integer", "string"], message: "n: type widened from \"integer\" to [\"integer\",\"string\"]" },
    ]);
  });

  it("treats a type list in another order as the same type", () => {
    expect(diffSchemas("m", obj({ n: { type: ["string", "integer"] } }), obj({ n: { type: ["integer", "string"] } }))).toEqual([]);
  });

  it("reports a type removed altogether as widened to any", () => {
    const [change] = diffSchemas("m", obj({ n: { type: "integer" } }), obj({ n: {} }));
    expect(change).toMatchObject({ rule: "type-widened", message: "n: type widened from \"integer\" to any" });
  });
});
