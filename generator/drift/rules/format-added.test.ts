import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./format-added.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("format-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports format uri added", () => {
    expect(diffSchemas("m", obj({ u: { type: "string" } }), obj({ u: { type: "string", format: "uri" } }))).toEqual([
      { model: "m", rule: "format-added", level: "breaking", path: "/properties/u/format", before: null, after: "uri", message: "u: format \"uri\" added" },
    ]);
  });

  it("counts only the formats the validator checks: an unchecked one is an annotation", () => {
    expect(rulesFor({ type: "string" }, { type: "string", format: "int32" })).toEqual(["ignored-keyword-changed:docs"]);
    expect(rulesFor({ type: "string", format: "uri" }, { type: "string", format: "int32" })).toEqual(["format-removed:feature", "ignored-keyword-changed:docs"]);
  });

  it("is format-removed the other way", () => {
    expect(rulesFor({ type: "string", format: "uri" }, { type: "string" })).toEqual(["format-removed:feature"]);
  });
});
