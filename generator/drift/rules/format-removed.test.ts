import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./format-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("format-removed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a format removed", () => {
    expect(diffSchemas("m", obj({ u: { type: "string", format: "uri" } }), obj({ u: { type: "string" } }))).toEqual([
      { model: "m", rule: "format-removed", level: "feature", path: "/properties/u/format", before: "uri", after: null, message: "u: format \"uri\" removed" },
    ]);
  });
});
