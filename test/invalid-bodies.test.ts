// For every model: bodies broken one way at a time are rejected with the right path, and the
// committed standalone validator agrees with Ajv compiled at run time on every one of them.
import { describe, expect, it } from "vitest";
import { createAjv } from "../generator/emit/emit-validator.js";
import { generationInput } from "../generator/load/check-models.js";
import type { ModelContract } from "../generator/load/model.js";
import type { JsonSchema } from "../generator/load/schema-check.js";
import { validatorSchema } from "../generator/load/schema-views.js";
import * as generated from "../generated/all-models.js";
import type { StandaloneValidator } from "../runtime/validator-support.js";
import { SCHEMAS } from "./helpers.js";

// As generate sees them: overlays applied.
const { models } = (await generationInput(SCHEMAS)).snapshot;

/**
 * A valid body: every required property, from its default, its first enum value, or a value of its
 * type; where an `allOf` member (an overlay) asks for one of several properties, the first.
 */
function validBody(schema: JsonSchema): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const alternatives = ((schema.allOf as JsonSchema[] | undefined) ?? []).flatMap((m) => ((m.anyOf as JsonSchema[] | undefined)?.[0]?.required as string[] | undefined) ?? []);
  return Object.fromEntries([...((schema.required as string[] | undefined) ?? []), ...alternatives].map((name) => [name, sample(props[name]!)]));
}

function sample(s: JsonSchema): unknown {
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return s.format === "uri" ? "https://example.com/input.bin" : "text";
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 1;
    case "boolean":
      return true;
    case "array":
      return [];
    default:
      return validBody(s);
  }
}

/** A value of the wrong JSON type for a property. */
function wrongType(s: JsonSchema): unknown {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.includes("string") ? { not: "a string" } : "not-a-number";
}

interface Case {
  what: string;
  body: Record<string, unknown>;
  path: string;
  keyword: string;
}

function brokenBodies(model: ModelContract): Case[] {
  const schema = model.schema ?? { type: "object", properties: {} };
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const valid = validBody(schema);
  const cases: Case[] = [{ what: "unknown key", body: { ...valid, not_a_parameter: 1 }, path: "not_a_parameter", keyword: "additionalProperties" }];
  for (const name of (schema.required as string[] | undefined) ?? []) {
    const { [name]: _, ...rest } = valid;
    cases.push({ what: `missing ${name}`, body: rest, path: name, keyword: "required" });
  }
  for (const [name, p] of Object.entries(props)) {
    if (p.type !== undefined) cases.push({ what: `${name} of the wrong type`, body: { ...valid, [name]: wrongType(p) }, path: name, keyword: "type" });
    if (typeof p.maximum === "number") cases.push({ what: `${name} past its maximum`, body: { ...valid, [name]: p.maximum + 1 }, path: name, keyword: "maximum" });
    if (typeof p.minimum === "number") cases.push({ what: `${name} below its minimum`, body: { ...valid, [name]: p.minimum - 1 }, path: name, keyword: "minimum" });
    if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === "string")) {
      cases.push({ what: `${name} outside its enum`, body: { ...valid, [name]: "not-an-allowed-value" }, path: name, keyword: "enum" });
    }
    if (p.format === "uri") cases.push({ what: `${name} not a URI`, body: { ...valid, [name]: "not a uri" }, path: name, keyword: "format" });
  }
  return cases;
}

describe.each(models.map((m) => [m.id, m] as const))("%s", (id, model) => {
  const schema = validatorSchema(model.schema ?? { type: "object", properties: {} });
  const compiled = createAjv(schema).compile(schema);
  const declared = Object.keys((model.schema?.properties as object | undefined) ?? {});

  it("accepts a minimal valid body", () => {
    expect(generated.validate(id, validBody(model.schema ?? {}))).toEqual({ ok: true });
  });

  // The reference: Ajv's errors for the schema itself, then one per key the schema does not list.
  it.each(brokenBodies(model).map((c) => [c.what, c] as const))("rejects %s, at its path, as Ajv and the closed rule do", async (_what, c) => {
    const result = generated.validate(id, c.body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ path: c.path, keyword: c.keyword }));
    const own = compiled(c.body) ? [] : (compiled.errors ?? []).map((e) => e.keyword);
    const undeclared = Object.keys(c.body).filter((k) => !declared.includes(k)).map(() => "additionalProperties");
    // Each error is one of Ajv's or an undeclared key; Ajv's repeats (a $ref checked twice) and the
    // alternatives of a required-anyOf (an overlay's "prompt or input_image") are said once.
    const keywords = result.errors.map((e) => e.keyword);
    expect(new Set(keywords).size > 0 && keywords.every((k) => own.includes(k) || undeclared.includes(k))).toBe(true);
    expect(keywords.filter((k) => k === "additionalProperties").length).toBe(undeclared.length + own.filter((k) => k === "additionalProperties").length);
    const lenient = generated.validate(id, c.body, { allowUnknown: true });
    expect(lenient.ok).toBe(own.length === 0);
    // The committed standalone validator gives what Ajv gives.
    const standalone = (await import(`../generated/validators/${id}.js`)).validate as StandaloneValidator;
    const verdicts = [standalone(c.body), compiled(c.body)];
    expect(verdicts[0]).toBe(verdicts[1]);
    expect(compiled.errors?.map((e) => [e.instancePath, e.schemaPath, e.keyword]) ?? []).toEqual(standalone.errors?.map((e) => [e.instancePath, e.schemaPath, e.keyword]) ?? []);
  });
});

describe("messages", () => {
  const id = "ltx-2-3-quality-audio-to-video";
  const base = { prompt: "p", input_audio: "https://example.com/a.mp3" };
  const messages = (body: object) => {
    const result = generated.validate(id, body);
    return result.ok ? [] : result.errors.map((e) => e.message);
  };

  it("say the bound and the value", () => {
    expect(messages({ ...base, num_frames: 600 })).toEqual(["num_frames must be at most 481 (got 600)"]);
  });

  it("list the allowed values", () => {
    expect(messages({ ...base, video_quality: "ultra" })).toEqual(["video_quality must be one of: low, medium, high, maximum"]);
  });

  it("suggest the parameter a typo meant", () => {
    const result = generated.validate(id, { prompt: "p", input_adio: "https://example.com/a.mp3" });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "input_audio", keyword: "required", params: { missingProperty: "input_audio" }, message: "input_audio is required" },
        {
          path: "input_adio",
          keyword: "additionalProperties",
          params: { additionalProperty: "input_adio", suggestion: "input_audio" },
          message: "input_adio is not a known parameter; did you mean input_audio?",
        },
      ],
    });
  });

  it("let unknown keys through when the caller opts out, and nothing else", () => {
    expect(generated.validate(id, { ...base, extra: 1 }, { allowUnknown: true })).toEqual({ ok: true });
    expect(messages({ ...base, extra: 1, num_frames: 0 })).toHaveLength(2);
    const lenient = generated.validate(id, { ...base, extra: 1, num_frames: 0 }, { allowUnknown: true });
    expect(lenient.ok ? [] : lenient.errors.map((e) => e.keyword)).toEqual(["minimum"]);
  });

  it("accept the mixed integer-or-string enum exactly", () => {
    const mixed = models.find((m) => JSON.stringify(m.schema).includes('["integer","string"]'))!;
    const [name, prop] = Object.entries(mixed.schema!.properties as Record<string, JsonSchema>).find(([, p]) => Array.isArray(p.type))!;
    const body = { ...validBody(mixed.schema!) };
    for (const value of prop.enum as unknown[]) expect(generated.validate(mixed.id, { ...body, [name]: value })).toEqual({ ok: true });
    expect(generated.validate(mixed.id, { ...body, [name]: String((prop.enum as unknown[]).find((v) => typeof v === "number")) }).ok).toBe(false);
  });

  it("name an unknown model", () => {
    expect(generated.validate("no-such-model", {})).toMatchObject({ ok: false, errors: [{ message: 'unknown model "no-such-model"' }] });
    expect(generated.validate("flux-3-vide", {})).toMatchObject({ ok: false, errors: [{ keyword: "model", message: 'unknown model "flux-3-vide"; did you mean flux-3-video?' }] });
  });
});
