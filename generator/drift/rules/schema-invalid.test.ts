import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSides } from "../sides.js";
import rule from "./schema-invalid.js";

const good = parseModel({ id: "m", json_request_schema: { type: "object", properties: { n: { type: "integer" } } } }, "models/m.json");
const broken = { id: "m", file: "models/m.json", reason: 'json_request_schema#/properties/n/type: unknown type "int"', text: '{"id":"m"}' };
const rows = (report: ReturnType<typeof diffSides>) => report.changes.map((c) => [c.model, c.rule, c.level, c.message]);

describe("schema-invalid", () => {
  it("is breaking", () => expect(rule.level).toBe("breaking"));

  it("reports a model that can no longer be read, with the reason and the file", () => {
    expect(rows(diffSides({ models: [good], invalid: [] }, { models: [], invalid: [broken] }))).toEqual([
      ["m", "schema-invalid", "breaking", 'model m: cannot be read: json_request_schema#/properties/n/type: unknown type "int" (models/m.json)'],
    ]);
  });

  it("is schema-repaired the other way", () => {
    expect(rows(diffSides({ models: [], invalid: [broken] }, { models: [good], invalid: [] }))).toEqual([
      ["m", "schema-repaired", "feature", 'model m: can be read again (it could not: json_request_schema#/properties/n/type: unknown type "int")'],
    ]);
  });

  it("reports nothing for the same broken file on both sides, and again when it changed", () => {
    expect(rows(diffSides({ models: [], invalid: [broken] }, { models: [], invalid: [broken] }))).toEqual([]);
    expect(rows(diffSides({ models: [], invalid: [broken] }, { models: [], invalid: [{ ...broken, text: "{" }] })).map((r) => r[1])).toEqual(["schema-invalid"]);
  });
});
