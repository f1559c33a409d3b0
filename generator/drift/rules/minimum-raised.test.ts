import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./minimum-raised.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("minimum-raised", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a minimum raised", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer", minimum: 9 } }), obj({ n: { type: "integer", minimum: 17 } }))).toEqual([
      { model: "m", rule: "minimum-raised", level: "breaking", path: "/properties/n/minimum", before: 9, after: 17, message: "n: minimum raised from 9 to 17" },
    ]);
  });

  it("reports a lower bound that did not exist before", () => {
    const [change] = diffSchemas("m", obj({ s: { type: "string" } }), obj({ s: { type: "string", minLength: 3 } }));
    expect(change).toMatchObject({ rule: "minimum-raised", path: "/properties/s/minLength", before: null, after: 3, message: "s: minLength 3 added" });
  });
});
