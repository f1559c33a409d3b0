import { describe, expect, it } from "vitest";
import rule from "./dependent-required-added.js";
import { rulesFor } from "./test-support.js";

describe("dependent-required-added", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a dependency added", () => {
    expect(rulesFor({ type: "object" }, { type: "object", dependentRequired: { width: ["height"] } })).toEqual(["dependent-required-added:breaking"]);
  });

  it("reads draft-07 dependencies lists as the same", () => {
    expect(rulesFor({ type: "object", dependencies: { width: ["height"] } }, { type: "object", dependentRequired: { width: ["height"] } })).toEqual([]);
  });

  it("is dependent-required-removed the other way", () => {
    expect(rulesFor({ type: "object", dependentRequired: { width: ["height"] } }, { type: "object" })).toEqual(["dependent-required-removed:feature"]);
  });
});
