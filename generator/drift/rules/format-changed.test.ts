import { describe, expect, it } from "vitest";
import rule from "./format-changed.js";
import { rulesFor } from "./test-support.js";

describe("format-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a checked format replaced by another", () => {
    expect(rulesFor({ type: "string", format: "uri" }, { type: "string", format: "email" })).toEqual(["format-changed:breaking"]);
  });

  it("is format-changed the other way too", () => {
    expect(rulesFor({ type: "string", format: "email" }, { type: "string", format: "uri" })).toEqual(["format-changed:breaking"]);
  });
});
