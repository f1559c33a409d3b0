import { describe, expect, it } from "vitest";
import rule from "./nullable-added.js";
import { rulesFor } from "./test-support.js";

describe("nullable-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports type: [string, null]", () => {
    expect(rulesFor({ type: "string" }, { type: ["string", "null"] })).toEqual(["nullable-added:feature"]);
  });

  it("reports OpenAPI 3.0 nullable: true", () => {
    expect(rulesFor({ type: "string" }, { type: "string", nullable: true })).toEqual(["nullable-added:feature"]);
  });

  it("reports a property wrapped in oneOf with a null branch", () => {
    expect(rulesFor({ type: "integer", minimum: 1 }, { oneOf: [{ type: "null" }, { type: "integer", minimum: 1 }] })).toEqual(["nullable-added:feature"]);
  });

  it("is nullable-removed the other way", () => {
    expect(rulesFor({ type: "string", nullable: true }, { type: "string" })).toEqual(["nullable-removed:breaking"]);
  });

  it("sees every spelling of nullability as the same", () => {
    expect(rulesFor({ type: ["string", "null"] }, { anyOf: [{ type: "string" }, { type: "null" }] })).toEqual([]);
  });
});
