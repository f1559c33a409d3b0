// fal's published request schemas (test/fixtures/fal: 24 video models as fal publishes them),
// generated together: each one either generates (and type-checks) or is named with what was
// refused, and none blocks the others.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { fileStem } from "../generator/emit/names.js";
import type { ProcessRun } from "./helpers.js";
import { generateProcess, snapshotWith, typeErrors } from "./generate-support.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "fal", "models");
const COMPONENTS = "#/components/schemas/";

interface FalEntry {
  endpoint_id: string;
  metadata: { display_name?: string; description?: string };
  openapi: { paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { $ref: string } }> } } }>; components: { schemas: Record<string, unknown> } };
}

/** The request schema of fal's submit operation, with the component schemas it uses as `$defs` (a `$ref` to a missing one left as it points). */
function requestSchema(openapi: FalEntry["openapi"]): Record<string, unknown> {
  const post = Object.values(openapi.paths).find((p) => p.post?.requestBody !== undefined)!.post!;
  const input = post.requestBody!.content["application/json"]!.schema.$ref.slice(COMPONENTS.length);
  const defs: Record<string, unknown> = {};
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key !== "$ref" || typeof value !== "string" || !value.startsWith(COMPONENTS)) return [key, rewrite(value)];
        const name = value.slice(COMPONENTS.length);
        if (!(name in defs) && name in openapi.components.schemas) {
          defs[name] = null;
          defs[name] = rewrite(openapi.components.schemas[name]);
        }
        return [key, `#/$defs/${name}`];
      }),
    );
  };
  const root = rewrite(openapi.components.schemas[input]) as Record<string, unknown>;
  return Object.keys(defs).length > 0 ? { ...root, $defs: defs } : root;
}

const entries: FalEntry[] = readdirSync(FIXTURES).sort().map((f) => JSON.parse(readFileSync(join(FIXTURES, f), "utf8")));
const ids = entries.map((e) => e.endpoint_id);
const REFUSED: Record<string, RegExp> = {
  "fal-ai/wan-ati": /^json_request_schema#\/properties\/track\/items\/items\/\$ref: "#\/\$defs\/TrackPoint" points at nothing in this schema/,
  "fal-ai/wan-move": /^json_request_schema#\/properties\/trajectories\/items\/items\/\$ref: "#\/\$defs\/TrajectoryPoint" points at nothing in this schema/,
};

let dir: string;
let run: ProcessRun;
let index: Record<string, any>;
const warnings = (id: string) => run.stderr.split("\n").filter((l) => l.startsWith("warning: ") && l.includes(`model "${id}": `));

beforeAll(async () => {
  dir = await snapshotWith(
    Object.fromEntries(
      entries.map((e) => [
        `${fileStem(e.endpoint_id)}.json`,
        { id: e.endpoint_id, object: "model", display_name: e.metadata.display_name ?? e.endpoint_id, summary: "", description: e.metadata.description ?? "", endpoint: "/videos/generate", capabilities: { input: [], output: ["video"] }, json_request_schema: requestSchema(e.openapi) },
      ]),
    ),
  );
  run = await generateProcess(dir, ["--skip-invalid"]);
  index = await import(pathToFileURL(join(dir, "generated", "all-models.ts")).href);
}, 180_000);

describe("fal's published video-model schemas", () => {
  it("each generates or is named with what was refused; none blocks the others", () => {
    expect(run.code).toBe(0);
    expect(ids).toHaveLength(24);
    expect(Object.keys(index.models).sort()).toEqual(ids.filter((id) => !(id in REFUSED)).sort());
    expect(index.skippedModels).toEqual(Object.entries(REFUSED).map(([id, reason]) => ({ id, file: `models/${fileStem(id)}.json`, reason: expect.stringMatching(reason) })));
  });

  it("what generates type-checks, the defaults object included", () => {
    expect(typeErrors([join(dir, "generated", "all-models.ts")])).toEqual([]);
  }, 120_000);

  it("fal's annotation keywords are warnings naming model, pointer and keyword", () => {
    expect(warnings("fal-ai/latentsync")).toContainEqual(expect.stringMatching(/json_request_schema#\/properties\/guidance_scale\/step: unknown keyword "step"/));
    expect(warnings("fal-ai/amt-interpolation")).toEqual(expect.arrayContaining([expect.stringMatching(/#\/properties\/output_fps\/min: unknown keyword "min"/), expect.stringMatching(/#\/properties\/output_fps\/max: unknown keyword "max"/)]));
    expect(warnings("fal-ai/kling-video/v2.6/pro/image-to-video")).toContainEqual(expect.stringMatching(/#\/properties\/\w+\/limit_description: unknown keyword "limit_description"/));
  });

  it("a tuple written as an object is an annotation of its items, not a failure", async () => {
    expect(warnings("fal-ai/ben/v2/video")).toEqual(["0", "1", "2"].map((k) => expect.stringMatching(new RegExp(`#/properties/background_color/items/${k}: unknown keyword "${k}"`))));
    expect(index.validate("fal-ai/ben/v2/video", { video_url: "https://example.com/v.mp4", background_color: [0, 0, 0] })).toEqual({ ok: true });
  });

  it("enum [\"129\"] with default 129: a warning, left out of the defaults", async () => {
    expect(warnings("fal-ai/hunyuan-video")).toContainEqual(expect.stringMatching(/#\/properties\/num_frames\/default: default 129 is not one of the allowed values \["129"(,"85")?\]: left out of the generated defaults/));
    expect(Object.hasOwn(index.modelInfo["fal-ai/hunyuan-video"].defaults, "num_frames")).toBe(false);
  });

  it("fails as a whole without --skip-invalid, naming exactly the refused ones", async () => {
    const strict = await generateProcess(dir);
    expect(strict.code).toBe(1);
    const lines = strict.stderr.split("\n").filter((l) => l.startsWith("  "));
    expect(lines.map((l) => /model "([^"]+)"/.exec(l)?.[1])).toEqual(Object.keys(REFUSED));
  }, 180_000);
});
