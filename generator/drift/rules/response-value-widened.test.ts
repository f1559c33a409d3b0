import { describe, expect, it } from "vitest";
import rule from "./response-value-widened.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("response-value-widened", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a response field that may now be null", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string" } })), hub(body, obj({ id: { type: "string", nullable: true } })))).toEqual(["response-value-widened:breaking"]);
  });

  it("is response-value-narrowed the other way", () => {
    expect(envelopeRules(hub(body, obj({ id: { type: "string", nullable: true } })), hub(body, obj({ id: { type: "string" } })))).toEqual(["response-value-narrowed:docs"]);
  });
});
