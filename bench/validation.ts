// Workload 2: checking request bodies of the two seed models. The generated validator against Ajv
// compiled at run time (the same schema, the same checks); the model's `validate()`, which also
// refuses unknown keys and media URLs the server cannot fetch, against an equivalent strict zod
// schema and a hand-written check (the practical limit), which refuse unknown keys too.
import { z } from "zod";
import { createAjv } from "../generator/emit/emit-validator.js";
import { loadSnapshot } from "../generator/load/load.js";
import { applyOverlay } from "../generator/load/overlay.js";
import { validatorSchema } from "../generator/load/schema-views.js";
import { validate as generatedProAudio } from "../generated/validators/ltx-2-3-pro-audio-to-video.js";
import { validate as generatedQualityAudio } from "../generated/validators/ltx-2-3-quality-audio-to-video.js";
import { validate as validateProAudio } from "../generated/models/ltx-2-3-pro-audio-to-video.js";
import { validate as validateQualityAudio } from "../generated/models/ltx-2-3-quality-audio-to-video.js";
import { formats } from "../runtime/validator-support.js";
import type { BenchContext } from "./context.js";
import { alternate, opsPerSecond } from "./measure.js";
import type { Row } from "./results.js";

const uri = formats.uri!;

const qualityZod = z.strictObject({
  prompt: z.string(),
  input_audio: z.url(),
  input_image: z.url().optional(),
  match_audio_length: z.boolean().optional(),
  num_frames: z.int().min(9).max(481).optional(),
  resolution: z.enum(["auto", "square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"]).optional(),
  frames_per_second: z.number().min(1).max(60).optional(),
  image_strength: z.number().min(0).max(1).optional(),
  generate_audio: z.boolean().optional(),
  video_quality: z.enum(["low", "medium", "high", "maximum"]).optional(),
  negative_prompt: z.string().optional(),
  seed: z.int().optional(),
});

// The schema's "prompt or input_image" rule (an anyOf of two `required`) is a refinement in zod.
const proZod = z
  .strictObject({ prompt: z.string().optional(), input_image: z.url().optional(), input_audio: z.url() })
  .refine((body) => body.prompt !== undefined || body.input_image !== undefined, "prompt or input_image is required");

type Check = (value: unknown) => string | undefined;
const isString: Check = (v) => (typeof v === "string" ? undefined : "must be a string");
const isUri: Check = (v) => (typeof v !== "string" ? "must be a string" : uri(v) ? undefined : "must be a URI");
const isBoolean: Check = (v) => (typeof v === "boolean" ? undefined : "must be a boolean");
const inRange = (integer: boolean, min: number, max: number): Check => (v) =>
  typeof v !== "number" || (integer && !Number.isInteger(v)) ? `must be ${integer ? "an integer" : "a number"}` : v < min || v > max ? `must be within ${min}..${max}` : undefined;
const oneOf = (values: string[]): Check => (v) => (typeof v === "string" && values.includes(v) ? undefined : `must be one of ${values.join(", ")}`);

/** A hand-written check: every parameter's rule, required ones (and one of `oneRequired`), unknown keys; all errors, as strings. */
function handWritten(rules: Record<string, Check>, required: string[], oneRequired: string[] = []): (body: unknown) => string[] {
  return (body) => {
    if (body === null || typeof body !== "object" || Array.isArray(body)) return ["body must be an object"];
    const errors: string[] = [];
    const object = body as Record<string, unknown>;
    for (const name of required) if (object[name] === undefined) errors.push(`${name} is required`);
    if (oneRequired.length > 0 && oneRequired.every((name) => object[name] === undefined)) errors.push(`${oneRequired.join(" or ")} is required`);
    for (const name in object) {
      const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
      const error = rule === undefined ? "is not a known parameter" : rule(object[name]);
      if (error !== undefined) errors.push(`${name} ${error}`);
    }
    return errors;
  };
}

const qualityHand = handWritten(
  {
    prompt: isString,
    input_audio: isUri,
    input_image: isUri,
    match_audio_length: isBoolean,
    num_frames: inRange(true, 9, 481),
    resolution: oneOf(["auto", "square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"]),
    frames_per_second: inRange(false, 1, 60),
    image_strength: inRange(false, 0, 1),
    generate_audio: isBoolean,
    video_quality: oneOf(["low", "medium", "high", "maximum"]),
    negative_prompt: isString,
    seed: inRange(true, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  },
  ["prompt", "input_audio"],
);
const proHand = handWritten({ prompt: isString, input_image: isUri, input_audio: isUri }, ["input_audio"], ["prompt", "input_image"]);

const CASES = [
  {
    model: "ltx-2-3-quality-audio-to-video",
    generated: generatedQualityAudio,
    validate: validateQualityAudio,
    zod: qualityZod,
    hand: qualityHand,
    valid: { prompt: "a choir singing in a cathedral", input_audio: "https://example.com/choir.mp3", input_image: "https://example.com/first.png", num_frames: 241, resolution: "landscape_16_9", frames_per_second: 24, image_strength: 0.7, video_quality: "high", seed: 42 },
    invalid: { prompt: "a choir singing in a cathedral", input_adio: "https://example.com/choir.mp3", num_frames: 600, resolution: "4k" },
  },
  {
    model: "ltx-2-3-pro-audio-to-video",
    generated: generatedProAudio,
    validate: validateProAudio,
    zod: proZod,
    hand: proHand,
    valid: { prompt: "a drummer on a rooftop", input_image: "https://example.com/drummer.png", input_audio: "https://example.com/drums.mp3" },
    invalid: { promt: "a drummer on a rooftop", input_audio: "not a url" },
  },
];

export async function validationBench(ctx: BenchContext): Promise<Row[]> {
  const { models } = await loadSnapshot(ctx.schemas);
  const ms = ctx.quick ? 60 : 300;
  const rows: Row[] = [];
  for (const c of CASES) {
    // As generate compiles it: with the model's overlay (the Pro model's "prompt or input_image").
    const model = models.find((m) => m.id === c.model)!;
    const closed = validatorSchema(model.overlay === undefined ? model.schema! : applyOverlay(model.schema!, model.overlay));
    const ajv = createAjv(closed).compile(closed);
    for (const [kind, body] of [["valid", c.valid], ["invalid", c.invalid]] as const) {
      const subjects = {
        generated: () => c.generated(body),
        "validate()": () => c.validate(body).ok,
        "Ajv compiled at run time": () => ajv(body),
        zod: () => c.zod.safeParse(body).success,
        "hand-written": () => c.hand(body).length === 0,
      };
      // The same verdict from all four, or the comparison would be meaningless.
      for (const [name, check] of Object.entries(subjects)) {
        if (check() !== (kind === "valid")) throw new Error(`validation bench: ${name} calls the ${kind} ${c.model} body ${kind === "valid" ? "invalid" : "valid"}`);
      }
      const stats = await alternate(
        Object.fromEntries(Object.entries(subjects).map(([name, check]) => [name, async () => opsPerSecond(check, ms)])) as Record<keyof typeof subjects, () => Promise<number>>,
        ctx.quick ? 3 : 10,
      );
      // Each peer against ours doing the same checks: the bare validator for Ajv, validate() for the strict ones.
      for (const [peer, ours] of [["Ajv compiled at run time", "generated"], ["zod", "validate()"], ["hand-written", "validate()"]] as const) {
        const label = ours === "generated" ? "generated validator" : "validate() (unknown keys, media URLs)";
        rows.push({ workload: "validation", case: `${c.model}, ${kind} body`, unit: "ops/s", better: "higher", ours: { label, stat: stats[ours] }, peer: { label: peer, stat: stats[peer] } });
      }
    }
  }
  return rows;
}
