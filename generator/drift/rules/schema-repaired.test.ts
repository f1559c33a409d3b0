import { describe, expect, it } from "vitest";
import { parseModel } from "../../load/model.js";
import { diffSides } from "../sides.js";
import rule from "./schema-repaired.js";

const good = parseModel({ id: "m", json_request_schema: { type: "object" } }, "models/m.json");
const broken = { id: "m", file: "models/m.json", reason: "not valid JSON (Unexpected token)", text: "{" };

describe("schema-repaired", () => {
  it("is feature", () => expect(rule.level).toBe("feature"));

  it("reports a model that can be read again", () => {
    expect(diffSides({ models: [], invalid: [broken] }, { models: [good], invalid: [] }).changes.map((c) => `${c.rule}:${c.level}`)).toEqual(["schema-repaired:feature"]);
  });

  it("is schema-invalid the other way", () => {
    expect(diffSides({ models: [good], invalid: [] }, { models: [], invalid: [broken] }).changes.map((c) => `${c.rule}:${c.level}`)).toEqual(["schema-invalid:breaking"]);
  });
});
