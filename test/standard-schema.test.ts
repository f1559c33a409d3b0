// A generated model's `schema` is a Standard Schema v1 object: the spec's own types accept it and
// infer the model's input type, and a real library that takes Standard Schema (Hono's standard
// validator) validates request bodies with it, passing valid ones through and answering 400 with
// our messages and paths for the others.
import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { Hono } from "hono";
import { describe, expect, expectTypeOf, it } from "vitest";
import { schema, type Ltx23QualityAudioToVideoInput } from "../generated/models/ltx-2-3-quality-audio-to-video.js";

const app = new Hono().post("/generate", sValidator("json", schema), (c) => {
  const body = c.req.valid("json");
  expectTypeOf(body).toEqualTypeOf<Ltx23QualityAudioToVideoInput>();
  return c.json({ prompt: body.prompt, frames: body.num_frames ?? null });
});

function post(body: unknown): Promise<Response> {
  return Promise.resolve(app.request("/generate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

describe("the model's Standard Schema", () => {
  it("is one by the spec's own types, and infers the input type", () => {
    const standard: StandardSchemaV1<Ltx23QualityAudioToVideoInput> = schema;
    expect(standard["~standard"]).toMatchObject({ version: 1, vendor: "oxen-contracts" });
    expectTypeOf<StandardSchemaV1.InferInput<typeof schema>>().toEqualTypeOf<Ltx23QualityAudioToVideoInput>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof schema>>().toEqualTypeOf<Ltx23QualityAudioToVideoInput>();
  });

  it("lets Hono pass a valid body to the handler", async () => {
    const response = await post({ prompt: "a choir", input_audio: "https://example.com/choir.mp3", num_frames: 241 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ prompt: "a choir", frames: 241 });
  });

  it("makes Hono answer 400 with each problem's message and path", async () => {
    const response = await post({ prompt: "a choir", input_adio: "https://example.com/choir.mp3", num_frames: 600 });
    expect(response.status).toBe(400);
    const { success, error } = (await response.json()) as { success: boolean; error: StandardSchemaV1.Issue[] };
    expect(success).toBe(false);
    expect(error).toEqual([
      { message: "input_audio is required", path: ["input_audio"] },
      { message: "num_frames must be at most 481 (got 600)", path: ["num_frames"] },
      { message: "input_adio is not a known parameter; did you mean input_audio?", path: ["input_adio"] },
    ]);
  });
});
