import { describe, expect, it } from "vitest";
import rule from "./response-value-changed.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("response-value-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a response field whose type changed", () => {
    expect(envelopeRules(hub(body, obj({ eta: { type: "integer" } })), hub(body, obj({ eta: { type: "string" } })))).toEqual(["response-value-changed:breaking"]);
  });

  it("is response-value-changed the other way too", () => {
    expect(envelopeRules(hub(body, obj({ eta: { type: "string" } })), hub(body, obj({ eta: { type: "integer" } })))).toEqual(["response-value-changed:breaking"]);
  });

  it("classifies request bodies from the sender's view", () => {
    expect(envelopeRules(hub(obj({ n: { type: "integer", maximum: 9 } }), body), hub(obj({ n: { type: "integer", maximum: 5 } }), body))).toEqual(["maximum-lowered:breaking"]);
  });
});
