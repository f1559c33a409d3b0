import { describe, expect, it } from "vitest";
import rule from "./response-value-narrowed.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("response-value-narrowed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a response enum that lost a value", () => {
    expect(envelopeRules(hub(body, obj({ status: { enum: ["queued", "running"] } })), hub(body, obj({ status: { enum: ["queued"] } })))).toEqual(["response-value-narrowed:docs"]);
  });

  it("is response-value-widened the other way", () => {
    expect(envelopeRules(hub(body, obj({ status: { enum: ["queued"] } })), hub(body, obj({ status: { enum: ["queued", "running"] } })))).toEqual(["response-value-widened:breaking"]);
  });
});
