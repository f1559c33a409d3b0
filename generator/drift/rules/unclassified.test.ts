import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./unclassified.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });

describe("unclassified", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a keyword no rule knows, with its values, instead of dropping it", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer" } }), obj({ n: { type: "integer", multipleOf: 8 } }))).toEqual([
      {
        model: "m",
        rule: "unclassified",
        level: "breaking",
        path: "/properties/n/multipleOf",
        before: null,
        after: 8,
        message: "n: multipleOf changed from nothing to 8; no rule classifies this change",
      },
    ]);
  });

  it("reports an anyOf that appears where there was none (a new constraint, not a new branch)", () => {
    const [change] = diffSchemas("m", obj({ v: { type: "string" } }), obj({ v: { type: "string", anyOf: [{ minLength: 1 }] } }));
    expect(change).toMatchObject({ rule: "unclassified", path: "/properties/v/anyOf" });
  });

  it("reports a change under `not` as a whole, since its sense is inverted", () => {
    const [change] = diffSchemas("m", obj({ v: { not: { type: "string" } } }), obj({ v: { not: { type: "integer" } } }));
    expect(change).toMatchObject({ rule: "unclassified", path: "/properties/v/not" });
  });
});
