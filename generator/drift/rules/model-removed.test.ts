import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./model-removed.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("model-removed", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a model that is gone", () => {
    expect(diffSnapshots([model({}), model({ id: "other" })], [model({ id: "other" })]).changes).toEqual([{ model: "m", path: "", rule: "model-removed", level: "breaking", before: "m", after: null, message: "model m removed" }]);
  });

});
