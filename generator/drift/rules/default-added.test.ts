import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./default-added.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("default-added", () => {
  it("is behavior", () => expect(rule.level).toBe("behavior"));

  it("reports a default that did not exist", () => {
    expect(diffSchemas("m", obj({ b: { type: "boolean" } }), obj({ b: { type: "boolean", default: true } }))).toEqual([
      { model: "m", rule: "default-added", level: "behavior", path: "/properties/b/default", before: null, after: true, message: "b: default true added" },
    ]);
  });
});
