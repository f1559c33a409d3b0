import { describe, expect, it } from "vitest";
import { diffSchemas } from "../engine.js";
import rule from "./default-changed.js";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("default-changed", () => {
  it("is behavior", () => expect(rule.level).toBe("behavior"));

  it("reports a changed default", () => {
    expect(diffSchemas("m", obj({ n: { type: "integer", default: 121 } }), obj({ n: { type: "integer", default: 241 } }))).toEqual([
      { model: "m", rule: "default-changed", level: "behavior", path: "/properties/n/default", before: 121, after: 241, message: "n: default changed from 121 to 241" },
    ]);
  });

  it("tells an empty-string default from none", () => {
    const [change] = diffSchemas("m", obj({ s: { type: "string", default: "" } }), obj({ s: { type: "string", default: "x" } }));
    expect(change).toMatchObject({ rule: "default-changed", before: "", after: "x" });
  });
});
