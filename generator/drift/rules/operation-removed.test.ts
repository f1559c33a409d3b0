import { describe, expect, it } from "vitest";
import rule from "./operation-removed.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("operation-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports an operation the runtime calls that is gone", () => {
    expect(envelopeRules(hub(body, body), { document: { paths: {}, components: {} } })).toEqual(["operation-removed:breaking"]);
  });

  it("is operation-added the other way", () => {
    expect(envelopeRules({ document: { paths: {}, components: {} } }, hub(body, body))).toEqual(["operation-added:feature"]);
  });
});
