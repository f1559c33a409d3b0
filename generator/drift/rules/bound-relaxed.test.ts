import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./bound-relaxed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("bound-relaxed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a maximum raised", () => {
    expect(diffSchemas("m", obj({ n: { type: "number", maximum: 60 } }), obj({ n: { type: "number", maximum: 120 } }))).toEqual([
      { model: "m", rule: "bound-relaxed", level: "feature", path: "/properties/n/maximum", before: 60, after: 120, message: "n: maximum relaxed from 60 to 120" },
    ]);
  });

  it("reports a minimum removed", () => {
    const [change] = diffSchemas("m", obj({ n: { type: "number", minimum: 1 } }), obj({ n: { type: "number" } }));
    expect(change).toMatchObject({ rule: "bound-relaxed", path: "/properties/n/minimum", before: 1, after: null, message: "n: minimum 1 removed" });
  });
});
