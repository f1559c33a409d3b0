import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./model-description-changed.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("model-description-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a changed summary", () => {
    expect(diffSnapshots([model({})], [model({ summary: "new" })]).changes).toEqual([{ model: "m", path: "", rule: "model-description-changed", level: "docs", before: "s", after: "new", message: "summary changed" }]);
  });

});
