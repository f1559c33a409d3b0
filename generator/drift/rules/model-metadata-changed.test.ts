import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSnapshots } from "../engine.js";
import rule from "./model-metadata-changed.js";

const SCHEMA = { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] };
const model = (fields: Record<string, unknown>) =>
  parseModel({ id: "m", display_name: "M", summary: "s", description: "d", endpoint: "/videos/generate", json_request_schema: SCHEMA, ...fields }, "test");

describe("model-metadata-changed", () => {
  it("is docs", () => expect(rule.level).toBe("docs"));

  it("reports pricing as metadata", () => {
    expect(diffSnapshots([model({ pricing: { per_second: 0.1 } })], [model({ pricing: { per_second: 0.2 } })]).changes).toEqual([{ model: "m", path: "", rule: "model-metadata-changed", level: "docs", before: { per_second: 0.1 }, after: { per_second: 0.2 }, message: "pricing changed (model metadata, not part of the request)" }]);
  });

  it("does not report the schema moving between request_schema and json_request_schema", () => {
    const before = parseModel({ id: "m", request_schema: SCHEMA }, "test");
    const after = parseModel({ id: "m", json_request_schema: SCHEMA, request_schema: null }, "test");
    expect(diffSnapshots([before], [after]).changes).toEqual([]);
  });

  it("leaves fields that other rules describe to them", () => {
    expect(rule.claims("display_name")).toBe(false);
    expect(rule.claims("endpoint")).toBe(false);
    expect(rule.claims("capabilities")).toBe(true);
  });
});
