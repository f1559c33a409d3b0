import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./examples-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("examples-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports changed examples", () => {
    expect(diffSchemas("m", obj({ p: { type: "string", examples: ["a cat"] } }), obj({ p: { type: "string", examples: ["a dog"] } }))).toEqual([
      { model: "m", rule: "examples-changed", level: "docs", path: "/properties/p/examples", before: ["a cat"], after: ["a dog"], message: "p: examples changed" },
    ]);
  });
});
