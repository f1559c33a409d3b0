import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./enum-restricted.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("enum-restricted", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports an enum added to a free parameter", () => {
    expect(diffSchemas("m", obj({ q: { type: "string" } }), obj({ q: { type: "string", enum: ["low", "high"] } }))).toEqual([
      { model: "m", rule: "enum-restricted", level: "breaking", path: "/properties/q/enum", before: null, after: ["low", "high"], message: "q: now limited to \"low\", \"high\"" },
    ]);
  });

  it("counts a const as a one-value enum", () => {
    const [change] = diffSchemas("m", obj({ q: { type: "string" } }), obj({ q: { type: "string", const: "only" } }));
    expect(change).toMatchObject({ rule: "enum-restricted", after: ["only"] });
  });
});
