import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./pattern-removed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("pattern-removed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a pattern removed", () => {
    expect(diffSchemas("m", obj({ s: { type: "string", pattern: "^a" } }), obj({ s: { type: "string" } }))).toEqual([
      { model: "m", rule: "pattern-removed", level: "feature", path: "/properties/s/pattern", before: "^a", after: null, message: "s: no longer has to match \"^a\"" },
    ]);
  });
});
