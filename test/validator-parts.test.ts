// A model's validate passes validateWith only the parts of the explanation its schema can need
// (generator/emit/validator-parts.ts). With those alone it must say exactly what runValidator, which
// has every part, says: on every JSON-Schema-Test-Suite schema and instance, and on the generated
// models' documented bodies and their variants. And a bundle of one model's validate carries no
// other part.
import { build } from "esbuild";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { validatorModule } from "../generator/emit/emit-validator.js";
import { validatorParts } from "../generator/emit/validator-parts.js";
import * as runtime from "../runtime/index.js";
import { unknownKeys, type KeyNode } from "../runtime/declared-keys.js";
import { flatUnknownKeys } from "../runtime/flat-keys.js";
import { runValidator, validateWith, WORDED_KEYWORDS, type ModelValidator, type ValidatorParts } from "../runtime/validation.js";
import type { AjvError } from "../runtime/validator-support.js";
import { EXAMPLES, tempDir } from "./helpers.js";
import { DRAFTS, suiteFiles, suiteGroups, type Draft } from "./json-schema-suite-files.js";

const ROOT = join(import.meta.dirname, "..");
const SUPPORT = pathToFileURL(join(ROOT, "runtime", "validator-support.js")).href;

/** The parts object a generated model builds, from the code validatorParts gives (the same runtime exports, by name). */
function partsObject(imports: string[], object: string, media: readonly string[]): ValidatorParts {
  const values = imports.map((name) => (runtime as Record<string, unknown>)[name]);
  return new Function(...imports, "media", `return ${object};`)(...values, media) as ValidatorParts;
}

const OPTIONS = [{}, { allowUnknown: true }];

/** What a call gives, or what it throws (a few suite schemas recurse without end, as Ajv's own code does). */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return String(error);
  }
}

describe("the parts a model's validate is given", () => {
  it("explain every JSON-Schema-Test-Suite instance as all of them do", { timeout: 240_000 }, async () => {
    const dir = await tempDir();
    const seen = { schemas: 0, unions: 0, messages: 0, walks: 0 };
    for (const draft of Object.keys(DRAFTS)) {
      for (const file of suiteFiles(draft)) {
        const groups = suiteGroups(draft, file);
        for (const [i, group] of groups.entries()) {
          // The suite's schema at the root of the body, as it is written.
          const schema = typeof group.schema === "boolean" ? group.schema : { ...(group.schema as object), $schema: DRAFTS[draft as Draft] };
          let made;
          try {
            made = await validatorModule(schema as never, `${draft}-${file}-${i}`, SUPPORT);
          } catch {
            continue; // refused (a remote $ref, ...): not a model
          }
          const path = join(dir, `${draft}-${file.replaceAll("/", "-")}-${i}.mjs`);
          await writeFile(path, made.code);
          const check = (await import(pathToFileURL(path).href)) as ModelValidator;
          const { imports, object } = validatorParts(made.keywords, made.declaredKeys, false);
          const parts = partsObject(imports, object, []);
          seen.schemas++;
          if (parts.explainUnions) seen.unions++;
          if (parts.ajvMessage) seen.messages++;
          if (parts.unknownKeys === unknownKeys) seen.walks++;
          for (const { data } of group.tests) {
            for (const options of OPTIONS) expect(outcome(() => validateWith(check, parts, data, options)), `${draft}/${file} #${i} ${JSON.stringify(data)}`).toEqual(outcome(() => runValidator(check, data, options)));
          }
        }
      }
    }
    // Each part was left out of some schemas and given to others.
    expect(seen.schemas).toBeGreaterThan(1000);
    for (const n of [seen.unions, seen.messages, seen.walks]) expect(n).toBeGreaterThan(50), expect(n).toBeLessThan(seen.schemas);
  });

  it("explain every generated model's bodies as all of them do", async () => {
    const ids = readdirSync(join(ROOT, "generated", "models")).map((file) => file.replace(/\.ts$/, ""));
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      const { model, validate, schema } = (await import(`../generated/models/${id}.ts`)) as typeof import("../generated/models/ltx-2-3-quality-audio-to-video.js");
      const check = (await import(pathToFileURL(join(ROOT, "generated", "validators", `${id}.js`)).href)) as ModelValidator;
      const examples = Object.values(JSON.parse(readFileSync(join(EXAMPLES, `${id}.json`), "utf8")) as Record<string, Record<string, unknown>>);
      const bodies: unknown[] = [null, [], "x", {}, ...examples];
      // Each parameter of each example: wrong in type, a local file, a list; and an unknown key beside them.
      for (const example of examples) {
        for (const key of Object.keys(example)) for (const value of [null, 12.5, "./clip.mp4", ["ftp://a/b"], { url: 1 }]) bodies.push({ ...example, [key]: value });
        bodies.push({ ...example, promt: "typo" }, { ...example, [`${Object.keys(example)[0]}s`]: 1 });
      }
      for (const body of bodies) {
        for (const options of OPTIONS) {
          const expected = runValidator(check, body, options, model.media);
          expect(validate(body, options), `${id} ${JSON.stringify(body)}`).toEqual(expected);
          if (options.allowUnknown === undefined) {
            const result = await schema["~standard"].validate(body);
            expect(result.issues?.map((issue) => issue.message)).toEqual(expected.ok ? undefined : expected.errors.map((e) => e.message));
          }
        }
      }
    }
  });

  it("name the same unknown keys of a flat table whichever walk finds them", () => {
    const table: KeyNode[] = [{ c: 1, k: ["prompt", "seed", "prompt", "__proto__"] }];
    const inherited = Object.assign(Object.create({ inherited: 1 }) as object, { seed: 1, extra: 2 });
    for (const data of [null, 1, "s", [], [{ a: 1 }], {}, { prompt: "p" }, inherited, JSON.parse('{"__proto__": 1, "constructor": 2, "b": 3}')]) {
      expect(flatUnknownKeys(table, data)).toEqual(unknownKeys(table, data));
    }
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }), (names, data) => {
        const flat: KeyNode[] = [{ c: 1, k: names }];
        expect(flatUnknownKeys(flat, data)).toEqual(unknownKeys(flat, data));
      }),
    );
  });

  it("need no Ajv message for a keyword validation has words for", () => {
    for (const keyword of WORDED_KEYWORDS) {
      const error: AjvError = { instancePath: "/a", schemaPath: `#/properties/a/${keyword}`, keyword, params: { limit: 1, type: "string", allowedValues: [1], allowedValue: 1, missingProperty: "b", additionalProperty: "c", format: "uri", pattern: "x", multipleOf: 2, i: 0, j: 1 } };
      const validate = Object.assign(() => false, { errors: [error] });
      const result = validateWith({ validate, declaredKeys: [] }, { unknownKeys }, { a: 5 });
      expect(result.ok, keyword).toBe(false);
    }
  });
});

describe("a bundle of one model's validate", () => {
  /** The runtime files a minified browser bundle of `validate` alone takes code from. */
  async function runtimeFiles(id: string): Promise<string[]> {
    const result = await build({ stdin: { contents: `export { validate } from "./generated/models/${id}.ts";`, resolveDir: ROOT, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
    return Object.keys(inputs).filter((file) => file.startsWith("runtime/") && inputs[file]!.bytesInOutput > 0).map((file) => file.slice("runtime/".length)).sort();
  }

  it("carries only the parts its schema can need", async () => {
    // The seed: one flat object with two media parameters, no union, no keyword without words.
    expect(await runtimeFiles("ltx-2-3-quality-audio-to-video")).toEqual(["error-paths.ts", "flat-keys.ts", "media.ts", "validation.ts", "validator-support.js"]);
    // No media parameter: no media URL checks.
    expect(await runtimeFiles("bytedance-seedance-2-5-text-to-video")).not.toContain("media.ts");
    // An overlay's anyOf ("prompt or input_image"): the union explanation, Ajv's messages and the general walk.
    expect(await runtimeFiles("ltx-2-3-pro-audio-to-video")).toEqual(["ajv-messages.ts", "declared-keys.ts", "error-paths.ts", "media.ts", "union-errors.ts", "validation.ts", "validator-support.js"]);
  });
});
