import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./enum-value-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("enum-value-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a value dropped from an enum", () => {
    expect(diffSchemas("m", obj({ r: { type: "string", enum: ["a", "b", "c"] } }), obj({ r: { type: "string", enum: ["a", "c"] } }))).toEqual([
      { model: "m", rule: "enum-value-removed", level: "breaking", path: "/properties/r/enum", before: ["a", "b", "c"], after: ["a", "c"], message: "r: no longer accepts \"b\"" },
    ]);
  });

  it("reports removal and addition together as two changes", () => {
    const changes = diffSchemas("m", obj({ r: { enum: ["a", "b"] } }), obj({ r: { enum: ["a", "c"] } }));
    expect(changes.map((c) => [c.rule, c.level])).toEqual([["enum-value-removed", "breaking"], ["enum-value-added", "feature"]]);
  });

  it("reports a value dropped from a mixed enum of a type list", () => {
    const [change] = diffSchemas("m", obj({ d: { type: ["integer", "string"], enum: ["auto", 4, 5] } }), obj({ d: { type: ["integer", "string"], enum: ["auto", 5] } }));
    expect(change).toMatchObject({ rule: "enum-value-removed", message: "d: no longer accepts 4" });
  });
});
