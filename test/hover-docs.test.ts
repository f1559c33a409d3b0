// What a user reads on hover and in errors, for a schema written the way fal publishes them:
// titles that repeat the name, Python docstrings, examples, nullable unions, an order list.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitInputType } from "../generator/emit/emit-types.js";
import { validatorModule } from "../generator/emit/emit-validator.js";
import { runValidator, type ModelValidator } from "../runtime/validation.js";
import { tempDir } from "./helpers.js";

const SUPPORT = pathToFileURL(join(import.meta.dirname, "..", "runtime", "validator-support.js")).href;

const schema = {
  type: "object",
  "x-fal-order-properties": ["prompt", "frames_per_second", "seed"],
  properties: {
    seed: { title: "Seed", description: "Random seed", minimum: 0 },
    frames_per_second: {
      title: "Frames Per Second",
      description: "\n        The frame rate of the video.\n\n        Higher is smoother:\n          - 24 for film\n    ",
      anyOf: [{ type: "integer", minimum: 1, maximum: 30 }, { type: "null" }],
      examples: [24],
    },
    prompt: { type: "string", title: "Text prompt", description: "What to show.", examples: ["a choir in a cathedral", "a cat"] },
  },
  required: ["prompt"],
};

describe("hover docs", () => {
  it("drop a title that repeats the name, dedent docstrings, show examples, keep the range of a nullable union, follow the order list", async () => {
    expect(await emitInputType(schema, "FalInput")).toBe(
      [
        "export interface FalInput {",
        "  /**",
        "   * Text prompt",
        "   *",
        "   * What to show.",
        "   *",
        '   * @example "a choir in a cathedral"',
        '   * @example "a cat"',
        "   */",
        "  prompt: string",
        "  /**",
        "   * The frame rate of the video.",
        "   *",
        "   * Higher is smoother:",
        "   *   - 24 for film",
        "   *",
        "   * @minimum 1",
        "   * @maximum 30",
        "   * @example 24",
        "   */",
        "  frames_per_second?: (null | number)",
        "  /**",
        "   * Random seed",
        "   *",
        "   * @minimum 0",
        "   */",
        "  seed?: unknown",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("an error on a nullable union names the real constraint", async () => {
    const file = join(await tempDir(), "v.mjs");
    await writeFile(file, (await validatorModule(schema, "fal", SUPPORT)).code);
    const validator = (await import(pathToFileURL(file).href)) as ModelValidator;
    const messages = (body: object) => {
      const result = runValidator(validator, body);
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(messages({ prompt: "p", frames_per_second: 200 })).toEqual(["frames_per_second must be at most 30 (got 200)"]);
    expect(messages({ prompt: "p", frames_per_second: "24" })).toEqual(['frames_per_second must be an integer or null (got "24")']);
    expect(messages({ prompt: "p", frames_per_second: null, seed: 42 })).toEqual([]);
  });
});
