import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./default-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("default-removed", () => {
  it("is behavior", () => expect(rule.level).toBe("behavior"));

  it("reports a default that is gone", () => {
    expect(diffSchemas("m", obj({ r: { type: "string", default: "auto" } }), obj({ r: { type: "string" } }))).toEqual([
      { model: "m", rule: "default-removed", level: "behavior", path: "/properties/r/default", before: "auto", after: null, message: "r: default \"auto\" removed" },
    ]);
  });
});
