import { describe, expect, it } from "vitest";
import rule from "./response-property-added.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("response-property-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a field added to a response", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string" } })), hub(body, obj({ id: { type: "string" }, eta: { type: "integer" } })))).toEqual(["response-property-added:feature"]);
  });

  it("is response-property-removed the other way", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string" }, eta: { type: "integer" } })), hub(body, obj({ id: { type: "string" } })))).toEqual(["response-property-removed:breaking"]);
  });
});
