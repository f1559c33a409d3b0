import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./type-narrowed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("type-narrowed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports number → integer", () => {
    expect(diffSchemas("m", obj({ n: { type: "number" } }), obj({ n: { type: "integer" } }))).toEqual([
      { model: "m", rule: "type-narrowed", level: "breaking", path: "/properties/n/type", before: "number", after: "integer", message: "n: type narrowed from \"number\" to \"integer\"" },
    ]);
  });

  it("reports a member dropped from a type list", () => {
    expect(diffSchemas("m", obj({ n: { type: ["integer", "string"] } }), obj({ n: { type: "integer" } })).map((c) => c.rule)).toEqual(["type-narrowed"]);
  });

  it("is not the reverse", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer" } }), obj({ n: { type: "number" } })).map((c) => c.rule)).toEqual(["type-widened"]);
  });
});
