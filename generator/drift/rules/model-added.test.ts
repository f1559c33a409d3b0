import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./model-added.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("model-added", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a new model, and nothing about its parameters", () => {
    expect(diffSnapshots([model({ id: "other" })], [model({ id: "other" }), model({})]).changes).toEqual([{ model: "m", path: "", rule: "model-added", level: "feature", before: null, after: "m", message: "model m added" }]);
  });

});
