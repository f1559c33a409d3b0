// Every request body the model pages document (schemas/examples, copied from the corpus rebuilt from public doc
// pages, not live payloads) passes its model's validator and type-checks against its input type.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { assignNames } from "../generator/emit/names.js";
import * as generated from "../generated/all-models.js";
import { EXAMPLES } from "./helpers.js";

type Examples = Record<string, Record<string, unknown>>;
const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith(".json")).sort();
const cases: [string, string, Record<string, unknown>][] = [];
for (const file of files) {
  const examples = JSON.parse(await readFile(join(EXAMPLES, file), "utf8")) as Examples;
  for (const [tab, body] of Object.entries(examples)) {
    const { model, ...input } = body;
    cases.push([String(model), tab, input]);
  }
}

/**
 * Documented bodies that the same page's prose rules out, and the overlay (schemas/overlays) that
 * says so: the Pro audio-to-video page's "required" tab sends input_audio alone, while its prompt
 * is "Required if image is not provided".
 */
const RULED_OUT: Record<string, string> = { "ltx-2-3-pro-audio-to-video required": "prompt or input_image is required" };
const ruledOut = ([id, tab]: [string, string, unknown]) => Object.hasOwn(RULED_OUT, `${id} ${tab}`);

describe("documented example bodies", () => {
  it("cover every model of the snapshot", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(Object.keys(generated.models)));
  });

  it.each(cases.filter((c) => !ruledOut(c)))("%s (%s tab) passes its validator", (id, _tab, input) => {
    expect(generated.validate(id, input)).toEqual({ ok: true });
  });

  it.each(cases.filter(ruledOut))("%s (%s tab) is ruled out by its overlay, with the overlay's message", (id, tab, input) => {
    expect(generated.validate(id, input)).toMatchObject({ ok: false, errors: [{ message: RULED_OUT[`${id} ${tab}`] }] });
  });

  it("type-check against their input types", async () => {
    const names = assignNames([...new Set(cases.map(([id]) => id))]);
    const lines = ['import type * as G from "../generated/index.js";'];
    cases.forEach((c, i) => {
      const [id, tab, input] = c;
      // A body its overlay rules out must not compile either.
      const expectError = ruledOut(c) ? "// @ts-expect-error ruled out by the model's overlay\n" : "";
      lines.push(`// ${id} ${tab}\n${expectError}export const body${i}: G.${names.get(id)!.base}Input = ${JSON.stringify(input)};`);
    });
    // A wrong body must fail, or the check proves nothing.
    lines.push(`// @ts-expect-error num_frames is a number\nexport const wrong: G.Ltx23QualityAudioToVideoInput = { prompt: "p", input_audio: "u", num_frames: "9" };`);
    const file = join(import.meta.dirname, ".examples.generated-test.ts");
    await writeFile(file, lines.join("\n"));
    const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });
});
