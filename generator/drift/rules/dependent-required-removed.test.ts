import { describe, expect, it } from "vitest";
import rule from "./dependent-required-removed.js";
import { rulesFor } from "./test-support.js";

describe("dependent-required-removed", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a dependency removed", () => {
    expect(rulesFor({ type: "object", dependencies: { width: ["height", "depth"] } }, { type: "object", dependencies: { width: ["height"] } })).toEqual(["dependent-required-removed:feature"]);
  });

  it("is dependent-required-added the other way", () => {
    expect(rulesFor({ type: "object", dependencies: { width: ["height"] } }, { type: "object", dependencies: { width: ["height", "depth"] } })).toEqual(["dependent-required-added:breaking"]);
  });
});
