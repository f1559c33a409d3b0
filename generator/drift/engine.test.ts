// The walk: where changes are found and how they are named, whatever rule classifies them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSnapshot } from "../load/load.js";
import { parseModel } from "../load/model.js";
import { diffSchemas, diffSnapshots, summarize } from "./engine.js";
import type { Change } from "./types.js";

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });
const where = (changes: Change[]) => changes.map((c) => [c.rule, c.path, c.message]);

describe("diffSchemas", () => {
  it("finds nothing between equal schemas, whatever the key order", () => {
    expect(diffSchemas("m", { type: "object", properties: { a: { type: "string", default: "x" } } }, { properties: { a: { default: "x", type: "string" } }, type: "object" })).toEqual([]);
  });

  it("walks nested objects and array items, naming parameters by their path", () => {
    const before = obj({ opts: obj({ size: { type: "integer", maximum: 10 } }), frames: { type: "array", items: obj({ url: { type: "string" } }) } });
    const after = obj({ opts: obj({ size: { type: "integer", maximum: 5 } }), frames: { type: "array", items: obj({ url: { type: "string", format: "uri" } }) } });
    expect(where(diffSchemas("m", before, after))).toEqual([
      ["format-added", "/properties/frames/items/properties/url/format", 'frames[].url: format "uri" added'],
      ["maximum-lowered", "/properties/opts/properties/size/maximum", "opts.size: maximum lowered from 10 to 5"],
    ]);
  });

  it("walks anyOf, oneOf and allOf branches, pairing equal branches first", () => {
    const before = obj({ v: { anyOf: [{ type: "string", maxLength: 9 }, { type: "null" }] }, w: { allOf: [{ minimum: 0 }] } });
    const after = obj({ v: { anyOf: [{ type: "null" }, { type: "string", maxLength: 5 }] }, w: { allOf: [{ minimum: 1 }] } });
    expect(where(diffSchemas("m", before, after))).toEqual([
      // A nullable string and a single allOf branch are one node: named as the parameter, pointed at where written.
      ["maximum-lowered", "/properties/v/anyOf/1/maxLength", "v: maxLength lowered from 9 to 5"],
      ["minimum-raised", "/properties/w/allOf/0/minimum", "w: minimum raised from 0 to 1"],
    ]);
  });

  it("follows $ref and reports the change where the definition is used", () => {
    const before = { ...obj({ a: { $ref: "#/$defs/Size" }, b: { $ref: "#/definitions/Mode" } }), $defs: { Size: { type: "integer", maximum: 8 } }, definitions: { Mode: { enum: ["x", "y"] } } };
    const after = { ...obj({ a: { $ref: "#/$defs/Size" }, b: { $ref: "#/definitions/Mode" } }), $defs: { Size: { type: "integer", maximum: 4 } }, definitions: { Mode: { enum: ["x"] } } };
    expect(where(diffSchemas("m", before, after))).toEqual([
      ["maximum-lowered", "/properties/a/maximum", "a: maximum lowered from 8 to 4"],
      ["enum-value-removed", "/properties/b/enum", 'b: no longer accepts "y"'],
    ]);
  });

  it("sees no change when a definition is only renamed", () => {
    const before = { ...obj({ a: { $ref: "#/$defs/A" } }), $defs: { A: { type: "string" } } };
    const after = { ...obj({ a: { $ref: "#/$defs/B" } }), $defs: { B: { type: "string" } } };
    expect(diffSchemas("m", before, after)).toEqual([]);
  });

  it("sees no change between equal contracts written differently", () => {
    const before = JSON.parse(`{"type": "object", "properties": {
      "size": {"anyOf": [{"$ref": "#/definitions/Small"}, {"$ref": "#/definitions/Large"}]},
      "mode": {"enum": ["a"]}, "scale": {"type": "number", "maximum": 1.0, "nullable": true},
      "tags": {"type": "array", "items": [{"type": "string"}], "additionalItems": false}},
      "definitions": {"Small": {"type": "integer", "maximum": 8}, "Large": {"type": "integer", "minimum": 64}}}`);
    const after = JSON.parse(`{"type": "object", "properties": {
      "size": {"anyOf": [{"$ref": "#/$defs/Big"}, {"$ref": "#/$defs/Little"}]},
      "mode": {"const": "a"}, "scale": {"anyOf": [{"type": "null"}, {"type": "number", "maximum": 1}]},
      "tags": {"type": "array", "prefixItems": [{"type": "string"}], "items": false}},
      "$defs": {"Little": {"maximum": 8, "type": "integer"}, "Big": {"type": "integer", "minimum": 64}}}`);
    expect(diffSchemas("m", before, after)).toEqual([]);
    expect(diffSchemas("m", after, before)).toEqual([]);
  });

  it("ends on a recursive schema", () => {
    const tree = (max: number) => ({ ...obj({ root: { $ref: "#/$defs/Node" } }), $defs: { Node: obj({ size: { maximum: max }, children: { type: "array", items: { $ref: "#/$defs/Node" } } }) } });
    expect(where(diffSchemas("m", tree(9), tree(3)))).toEqual([["maximum-lowered", "/properties/root/properties/size/maximum", "root.size: maximum lowered from 9 to 3"]]);
  });

  it("compares a property's type list as a set and integer as part of number", () => {
    expect(diffSchemas("m", obj({ n: { type: ["integer", "number"] } }), obj({ n: { type: "number" } }))).toEqual([]);
  });

  it("treats a missing request schema as a model without parameters", () => {
    expect(where(diffSchemas("m", null, obj({ seed: { type: "integer" } }, { required: [] })))).toEqual([["property-added-optional", "/properties/seed", "seed: new optional parameter"]]);
  });

  it("reports several rules on one parameter, most severe first", () => {
    const changes = diffSchemas("m", obj({ n: { type: "integer", minimum: 1, maximum: 10, default: 5 } }), obj({ n: { type: "integer", minimum: 2, maximum: 20, default: 6 } }));
    expect(changes.map((c) => c.level)).toEqual(["breaking", "behavior", "feature"]);
  });
});

describe("diffSnapshots", () => {
  const schemas = join(import.meta.dirname, "..", "..", "schemas");

  it("finds no change between a snapshot and itself", async () => {
    const { models } = await loadSnapshot(schemas);
    expect(diffSnapshots(models, models)).toEqual({ changes: [], summary: { breaking: 0, behavior: 0, feature: 0, docs: 0 }, semver: "none" });
  });

  it("classifies an edit of a real model in full", async () => {
    const { models } = await loadSnapshot(schemas);
    const path = join(schemas, "models", "ltx-2-3-quality-audio-to-video.json");
    const raw = JSON.parse(await readFile(path, "utf8"));
    const schema = raw.json_request_schema;
    schema.properties.num_frames.maximum = 241;
    schema.properties.video_quality.default = "medium";
    schema.properties.resolution.enum.push("ultra_hd");
    delete schema.properties.seed;
    const edited = models.map((m) => (m.id === raw.id ? parseModel(raw, path) : m));
    const report = diffSnapshots(models, edited);
    expect(report.changes.map((c) => [c.model, c.rule, c.path])).toEqual([
      ["ltx-2-3-quality-audio-to-video", "property-removed", "/properties/seed"],
      ["ltx-2-3-quality-audio-to-video", "maximum-lowered", "/properties/num_frames/maximum"],
      ["ltx-2-3-quality-audio-to-video", "enum-value-added", "/properties/resolution/enum"],
      ["ltx-2-3-quality-audio-to-video", "default-changed", "/properties/video_quality/default"],
    ]);
    expect(report.summary).toEqual({ breaking: 2, behavior: 1, feature: 1, docs: 0 });
    expect(report.semver).toBe("major");
  });
});

describe("summarize", () => {
  const change = (level: Change["level"]): Change => ({ model: "m", path: "", rule: "r", level, before: null, after: null, message: "" });

  it.each([
    [["breaking", "docs"], "major"],
    [["feature"], "minor"],
    [["behavior"], "minor"],
    [["docs"], "patch"],
    [[], "none"],
  ] as const)("suggests %j → %s", (levels, semver) => {
    expect(summarize(levels.map(change)).semver).toBe(semver);
  });
});

describe("diffSchemas through $ref inside branches", () => {
  it("reports a changed definition used by an anyOf branch whose text did not change", () => {
    const schema = (max: number) => ({ ...obj({ v: { anyOf: [{ $ref: "#/$defs/N" }, { type: "null" }] } }), $defs: { N: { type: "integer", maximum: max } } });
    expect(where(diffSchemas("m", schema(9), schema(3)))).toEqual([["maximum-lowered", "/properties/v/anyOf/0/maximum", "v: maximum lowered from 9 to 3"]]);
  });
});
