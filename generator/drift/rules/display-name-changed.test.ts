import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./display-name-changed.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("display-name-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports a renamed model", () => {
    expect(diffSnapshots([model({})], [model({ display_name: "M 2" })]).changes).toEqual([{ model: "m", path: "", rule: "display-name-changed", level: "docs", before: "M", after: "M 2", message: "display name changed from \"M\" to \"M 2\"" }]);
  });

});
