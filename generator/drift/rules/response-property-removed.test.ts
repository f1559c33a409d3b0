import { describe, expect, it } from "vitest";
import rule from "./response-property-removed.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("response-property-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a field removed from a response", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string" }, eta: { type: "integer" } })), hub(body, obj({ id: { type: "string" } })))).toEqual(["response-property-removed:breaking"]);
  });

  it("is response-property-added the other way", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string" } })), hub(body, obj({ id: { type: "string" }, eta: { type: "integer" } })))).toEqual(["response-property-added:feature"]);
  });
});
