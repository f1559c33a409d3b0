import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./pattern-added.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("pattern-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a pattern added", () => {
    expect(diffSchemas("m", obj({ s: { type: "string" } }), obj({ s: { type: "string", pattern: "^[a-z]+$" } }))).toEqual([
      { model: "m", rule: "pattern-added", level: "breaking", path: "/properties/s/pattern", before: null, after: "^[a-z]+$", message: "s: must now match \"^[a-z]+$\"" },
    ]);
  });

  it("leaves a pattern replaced by another to unclassified", () => {
    const [change] = diffSchemas("m", obj({ s: { pattern: "^a" } }), obj({ s: { pattern: "^b" } }));
    expect(change).toMatchObject({ rule: "unclassified", level: "breaking", path: "/properties/s/pattern" });
  });
});
