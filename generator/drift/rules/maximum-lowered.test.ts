import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./maximum-lowered.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("maximum-lowered", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a maximum lowered", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer", maximum: 481 } }), obj({ n: { type: "integer", maximum: 241 } }))).toEqual([
      { model: "m", rule: "maximum-lowered", level: "breaking", path: "/properties/n/maximum", before: 481, after: 241, message: "n: maximum lowered from 481 to 241" },
    ]);
  });

  it("reports maxItems added to an array", () => {
    const [change] = diffSchemas("m", obj({ l: { type: "array" } }), obj({ l: { type: "array", maxItems: 4 } }));
    expect(change).toMatchObject({ rule: "maximum-lowered", path: "/properties/l/maxItems", level: "breaking" });
  });
});
