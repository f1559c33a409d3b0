import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./pattern-added.js";
import { rulesFor } from "./test-support.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("pattern-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a pattern added", () => {
    expect(diffSchemas("m", obj({ s: { type: "string" } }), obj({ s: { type: "string", pattern: "^[a-z]+$" } }))).toEqual([
      { model: "m", rule: "pattern-added", level: "breaking", path: "/properties/s/pattern", before: null, after: "^[a-z]+$", message: "s: must now match \"^[a-z]+$\"" },
    ]);
  });

  it("reports a pattern replaced by another as pattern-changed, and one replaced by .* as removed", () => {
    const [change] = diffSchemas("m", obj({ s: { pattern: "^a" } }), obj({ s: { pattern: "^b" } }));
    expect(change).toMatchObject({ rule: "pattern-changed", level: "breaking", path: "/properties/s/pattern" });
    expect(rulesFor({ type: "string", pattern: "^a" }, { type: "string", pattern: ".*" })).toEqual(["pattern-removed:feature"]);
  });

  it("is pattern-removed the other way", () => {
    expect(rulesFor({ type: "string", pattern: "^a" }, { type: "string" })).toEqual(["pattern-removed:feature"]);
  });
});
