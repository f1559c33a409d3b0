import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./type-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("type-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports string → integer", () => {
    expect(diffSchemas("m", obj({ s: { type: "string" } }), obj({ s: { type: "integer" } }))).toEqual([
      { model: "m", rule: "type-changed", level: "breaking", path: "/properties/s/type", before: "string", after: "integer", message: "s: type changed from \"string\" to \"integer\"" },
    ]);
  });
});
