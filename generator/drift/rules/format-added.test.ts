import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./format-added.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("format-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports format uri added", () => {
    expect(diffSchemas("m", obj({ u: { type: "string" } }), obj({ u: { type: "string", format: "uri" } }))).toEqual([
      { model: "m", rule: "format-added", level: "breaking", path: "/properties/u/format", before: null, after: "uri", message: "u: format \"uri\" added" },
    ]);
  });

  it("reports a format replaced by another", () => {
    const [change] = diffSchemas("m", obj({ u: { type: "string", format: "uri" } }), obj({ u: { type: "string", format: "date-time" } }));
    expect(change).toMatchObject({ rule: "format-added", message: "u: format changed from \"uri\" to \"date-time\"" });
  });
});
