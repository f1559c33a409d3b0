import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./title-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("title-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed title", () => {
    expect(diffSchemas("m", obj({ p: { type: "string", title: "Prompt" } }), obj({ p: { type: "string", title: "Text prompt" } }))).toEqual([
      { model: "m", rule: "title-changed", level: "docs", path: "/properties/p/title", before: "Prompt", after: "Text prompt", message: "p: title changed" },
    ]);
  });
});
