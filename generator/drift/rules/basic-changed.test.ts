import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./basic-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("basic-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed list of basic parameters", () => {
    expect(diffSchemas("m", { ...obj({ p: {}, q: {} }), basic: ["p"] }, { ...obj({ p: {}, q: {} }), basic: ["p", "q"] })).toEqual([
      { model: "m", rule: "basic-changed", level: "docs", path: "/basic", before: ["p"], after: ["p", "q"], message: "request body: basic parameters changed from [\"p\"] to [\"p\",\"q\"]" },
    ]);
  });
});
