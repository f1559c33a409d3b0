import { describe, expect, it } from "vitest";
import rule from "./annotation-changed.js";
import { rulesFor } from "./test-support.js";

describe("annotation-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports readOnly added", () => {
    expect(rulesFor({ type: "string" }, { type: "string", readOnly: true })).toEqual(["annotation-changed:docs"]);
  });

  it("reports writeOnly, $comment, contentMediaType and a discriminator", () => {
    expect(rulesFor({ type: "string" }, { type: "string", writeOnly: true, $comment: "c", contentMediaType: "image/png", discriminator: { propertyName: "kind" } })).toEqual(["annotation-changed:docs", "annotation-changed:docs", "annotation-changed:docs", "annotation-changed:docs"]);
  });

  it("is annotation-changed the other way too", () => {
    expect(rulesFor({ type: "string", readOnly: true }, { type: "string" })).toEqual(["annotation-changed:docs"]);
  });
});
