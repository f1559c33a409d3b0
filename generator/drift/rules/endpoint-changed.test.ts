import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./endpoint-changed.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("endpoint-changed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a model moved to another endpoint", () => {
    expect(diffSnapshots([model({})], [model({ endpoint: "/images/generate" })]).changes).toEqual([{ model: "m", path: "", rule: "endpoint-changed", level: "breaking", before: "/videos/generate", after: "/images/generate", message: "endpoint changed from \"/videos/generate\" to \"/images/generate\"" }]);
  });

});
