import { describe, expect, it } from "vitest";
import rule from "./operation-added.js";
import { envelopeRules, hub } from "./envelope-test-support.js";

const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const body = { type: "object" };

describe("operation-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports an operation the runtime calls that appeared", () => {
    expect(envelopeRules({ document: { paths: {}, components: {} } }, hub(body, body))).toEqual(["operation-added:feature"]);
  });

  it("is operation-removed the other way", () => {
    expect(envelopeRules(hub(body, body), { document: { paths: {}, components: {} } })).toEqual(["operation-removed:breaking"]);
  });
});
