import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./unclassified.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });

// Every keyword of the JSON Schema drafts and OpenAPI has a rule; what is left is a comparison the
// engine cannot make, such as a reference it cannot follow.
describe("unclassified", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a reference the engine cannot follow, with its values, instead of dropping it", () => {
    expect(diffSchemas("m", obj({ n: { $dynamicRef: "#node" } }), obj({ n: { $dynamicRef: "#leaf" } }))).toEqual([
      {
        model: "m",
        rule: "unclassified",
        level: "breaking",
        path: "/properties/n/$dynamicRef",
        before: "#node",
        after: "#leaf",
        message: 'n: $dynamicRef changed from "#node" to "#leaf"; no rule classifies this change',
      },
    ]);
  });

  it("is the same in both directions", () => {
    expect(rulesFor({ $ref: "#/nowhere/a" }, { $ref: "#/nowhere/b" })).toEqual(["unclassified:breaking"]);
    expect(rulesFor({ $ref: "#/nowhere/b" }, { $ref: "#/nowhere/a" })).toEqual(["unclassified:breaking"]);
  });

  it("is not used for keywords that used to fall to it: multipleOf, a new anyOf, a changed not", () => {
    expect(rulesFor({ type: "integer" }, { type: "integer", multipleOf: 8 })).toEqual(["multiple-of-tightened:breaking"]);
    expect(rulesFor({ type: "string" }, { type: "string", anyOf: [{ minLength: 1 }, { maxLength: 0 }] })).toEqual(["constraint-added:breaking"]);
    expect(rulesFor({ not: { type: "string" } }, { not: { type: "integer" } })).toEqual(["negation-changed:breaking"]);
  });
});
