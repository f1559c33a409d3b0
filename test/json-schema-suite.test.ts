// The official JSON-Schema-Test-Suite (draft4, draft6, draft7, draft2019-09 and draft2020-12, vendored under
// test/fixtures/json-schema-test-suite) through the whole pipeline: every schema becomes one model
// of a single snapshot (the schema as the `value` property of an object body), generated with
// emitAll and written with writeFolder; one TypeScript program type-checks the output and every
// valid instance against the model's input type; every instance goes through the generated
// validator with `allowUnknown`. A case that does not agree with the suite is listed, with its
// reason, in exceptions.json, and a listed case that now agrees fails the test too.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { emitAll } from "../generator/emit/emit-all.js";
import { createAjv } from "../generator/emit/emit-validator.js";
import { validatorSchema } from "../generator/load/schema-views.js";
import { checkModels } from "../generator/load/check-models.js";
import { parseModel, type ModelContract } from "../generator/load/model.js";
import { assignNames } from "../generator/emit/names.js";
import { writeFolder } from "../generator/write/write.js";
import { unknownKeys, type UnknownKey } from "../runtime/declared-keys.js";
import { runValidator, type ModelValidator } from "../runtime/validation.js";
import { SCHEMAS, tempDir, VALUE_OF } from "./helpers.js";
import { DRAFTS, SUITE, suiteFiles, suiteGroups, type SuiteGroup } from "./json-schema-suite-files.js";


interface Exception {
  draft: string;
  file: string;
  schema: string;
  /** One test of the group, or every test when absent. */
  test?: string;
  /**
   * "format": Ajv asserts a format the suite treats as an annotation or checks otherwise;
   * "ajv": Ajv itself gives this verdict (checked: Ajv compiled at run time from the same request
   * schema agrees with the generated validator); "refused": the loader refuses the schema (the
   * reason says whether that is pending load-stage support).
   */
  kind: "format" | "ajv" | "refused";
  reason: string;
}

interface Case {
  id: string;
  draft: string;
  file: string;
  group: SuiteGroup;
}

const exceptions = JSON.parse(readFileSync(join(SUITE, "exceptions.json"), "utf8")) as Exception[];

function suiteCases(): Case[] {
  const cases: Case[] = [];
  for (const draft of Object.keys(DRAFTS)) {
    for (const file of suiteFiles(draft)) {
      suiteGroups(draft, file).forEach((group, i) => cases.push({ id: `${draft}-${file.replace(/\.json$/, "").replaceAll("/", "-")}-${i}`, draft, file, group }));
    }
  }
  return cases;
}

/** `node` with its document-relative references ("#", "#/...") moved under `prefix`; values (enum, const, ...) untouched. */
function moveRefs(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => moveRefs(n, prefix));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const moved = ["enum", "const", "default", "examples"].includes(k) ? v : (k === "$ref" || k === "$dynamicRef") && typeof v === "string" && (v === "#" || v.startsWith("#/")) ? prefix + v.slice(1) : moveRefs(v, prefix);
    Object.defineProperty(out, k, { value: moved, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The request schema of a case: an object whose `value` is the suite's schema. Its references to
 * its own root move with it, unless its `$id` makes it a resource of its own.
 */
/** The id a suite schema that uses `$recursiveRef` takes as its own resource (see requestSchema). */
const SUITE_ROOT_ID = "https://json-schema-test-suite.invalid/schema";

function requestSchema(c: Case): Record<string, unknown> {
  let value: unknown = c.group.schema;
  if (typeof value !== "boolean") {
    const { $schema: _, ...schema } = value as Record<string, unknown>;
    // `$recursiveRef` can only say "#", the root of its resource: a schema using it, moved under
    // `value`, is made a resource of its own instead, so that "#" stays the suite's root.
    const id = c.draft === "draft4" ? schema.id : schema.$id;
    value = typeof id === "string" ? schema : JSON.stringify(schema).includes('"$recursiveRef"') ? { $id: SUITE_ROOT_ID, ...schema } : moveRefs(schema, "#/properties/value");
  }
  return { $schema: DRAFTS[c.draft as keyof typeof DRAFTS], type: "object", properties: { value }, required: ["value"] };
}

function listed(c: Case, test?: string): Exception | undefined {
  return exceptions.find((e) => e.draft === c.draft && e.file === c.file && e.schema === c.group.description && (e.test === undefined || e.test === test));
}


/** Each instance's verdict with `allowUnknown`, and the instance without the keys the closed mode rejects. */
interface Run {
  valid: boolean;
  declaredOnly: unknown;
}

/** `data` without the keys at the given places. */
function without(data: unknown, keys: UnknownKey[]): unknown {
  const copy = structuredClone(data);
  for (const { instancePath, key } of keys) {
    let node = copy as Record<string, unknown>;
    for (const s of instancePath.split("/").slice(1)) node = node[s.replace(/~1/g, "/").replace(/~0/g, "~")] as Record<string, unknown>;
    delete node[key];
  }
  return copy;
}

describe("JSON-Schema-Test-Suite through generate, tsc and the generated validators", () => {
  const cases = suiteCases();
  const refused = new Map<string, string>();
  const accepted: { c: Case; model: ModelContract; runs: Run[] }[] = [];
  let dir = "";

  beforeAll(async () => {
    dir = await tempDir();
    // The generator's own stages, model by model: read, check (load stage), emit; what any of them refuses is listed.
    const byId = new Map<string, Case>();
    const parsed: ModelContract[] = [];
    for (const c of cases) {
      const where = `${c.draft}/${c.file} "${c.group.description}"`;
      try {
        parsed.push(parseModel({ id: c.id, json_request_schema: requestSchema(c) }, where));
        byId.set(c.id, c);
      } catch (error) {
        refused.set(c.id, (error as Error).message);
      }
    }
    const checked = checkModels(parsed);
    for (const f of checked.failures) refused.set(f.model!, f.message);
    const hubOpenapi = JSON.parse(readFileSync(join(SCHEMAS, "hub-openapi.json"), "utf8")) as Record<string, unknown>;
    const { files, failures } = await emitAll({ models: checked.accepted, hubOpenapi, failures: [], warnings: [] }, dir);
    for (const f of failures) refused.set(f.model!, f.message);
    writeFolder(dir, files);
    for (const model of checked.accepted) if (!refused.has(model.id)) accepted.push({ c: byId.get(model.id)!, model, runs: [] });
    const names = assignNames(accepted.map((a) => a.model.id));
    for (const a of accepted) {
      const validator = (await import(pathToFileURL(join(dir, "validators", `${names.get(a.model.id)!.stem}.js`)).href)) as ModelValidator;
      for (const t of a.c.group.tests) {
        const body = { value: t.data };
        a.runs.push({ valid: runValidator(validator, body, { allowUnknown: true }).ok, declaredOnly: without(body, unknownKeys(validator.declaredKeys, body)) });
      }
    }
  }, 300_000);

  it("refuses only the listed schemas", () => {
    const unexpected = cases.filter((c) => refused.has(c.id) && listed(c)?.kind !== "refused").map((c) => `${c.draft}/${c.file} "${c.group.description}": ${refused.get(c.id)}`);
    expect(unexpected).toEqual([]);
    const stale = cases.filter((c) => !refused.has(c.id) && listed(c)?.kind === "refused").map((c) => `${c.draft}/${c.file} "${c.group.description}"`);
    expect(stale, "listed as refused in exceptions.json but accepted now").toEqual([]);
  });

  it("agrees with the suite on every instance, with allowUnknown", () => {
    const disagreements: string[] = [];
    const stale: string[] = [];
    for (const { c, runs } of accepted) {
      c.group.tests.forEach((t, j) => {
        const known = listed(c, t.description);
        const where = `${c.draft}/${c.file} "${c.group.description}" / "${t.description}"`;
        if (runs[j]!.valid !== t.valid && known === undefined) disagreements.push(`${where}: expected ${t.valid ? "valid" : "invalid"}`);
        if (runs[j]!.valid === t.valid && known !== undefined) stale.push(where);
      });
    }
    expect(disagreements).toEqual([]);
    expect(stale, "listed in exceptions.json but now agreeing").toEqual([]);
  });

  it("lists as Ajv's only verdicts Ajv gives too", () => {
    for (const { c, model, runs } of accepted) {
      c.group.tests.forEach((t, j) => {
        if (listed(c, t.description)?.kind !== "ajv") return;
        const schema = validatorSchema(model.schema!);
        expect(createAjv(schema).compile(schema)({ value: t.data }), `${c.file} "${c.group.description}" / "${t.description}"`).toBe(runs[j]!.valid);
      });
    }
  });

  // Each instance the validator accepts, without the keys the closed mode would reject, as a
  // value (TypeScript lets a value carry more keys than its type) and as an object literal
  // (checked for keys its type does not name).
  it("gives each accepted instance a type it compiles against, in one TypeScript program", async () => {
    const names = assignNames(accepted.map((a) => a.model.id));
    const lines = [VALUE_OF];
    for (const { c, model, runs } of accepted) {
      const { stem, base } = names.get(model.id)!;
      lines.push(`import type { ${base}Input } from "./models/${stem}.js";`);
      runs.forEach((run, j) => {
        // An instance the validator wrongly accepts (a listed Ajv disagreement) is rightly refused by the type.
        if (!run.valid || !c.group.tests[j]!.valid) return;
        const body = JSON.stringify(run.declaredOnly);
        lines.push(`const v_${base}_${j} = value(${body});`, `export const t_${base}_${j}: ${base}Input = v_${base}_${j};`, `export const l_${base}_${j}: ${base}Input = ${body};`);
      });
    }
    const checks = join(dir, "suite-instances.ts");
    await writeFile(checks, lines.join("\n"));
    const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: ["node"] };
    const program = ts.createProgram([checks, join(dir, "all-models.ts")], options);
    // The place of a problem, and for an instance the start of its line (which names the model).
    const where = (d: ts.Diagnostic): string => {
      if (d.file === undefined || d.start === undefined) return "";
      const line = d.file.getLineAndCharacterOfPosition(d.start).line;
      return `${d.file.fileName.slice(dir.length + 1)}:${line + 1} ${d.file.text.split("\n")[line]!.slice(0, 60)}`;
    };
    expect(ts.getPreEmitDiagnostics(program).map((d) => `${where(d)} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`).slice(0, 30)).toEqual([]);
  }, 300_000);
});
