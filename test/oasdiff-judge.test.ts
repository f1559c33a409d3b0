// oasdiff as an independent judge: its checker's before/after request-body pairs, each with the
// verdict oasdiff's own tests assert (breaking: an ERR rule). Our report must reach the same
// verdict, except where a documented reason says why a sender feels it otherwise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../generator/drift/engine.js";
import type { JsonSchema } from "../generator/load/schema-check.js";

const DIR = join(import.meta.dirname, "fixtures", "oasdiff");

interface Case {
  test: string;
  before: string;
  after: string;
  oasdiff: string[];
  oasdiffBreaking: boolean;
  /** Our verdict where it differs from oasdiff's, with the reason. */
  breaking?: boolean;
  differs?: string;
}

const { cases } = JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8")) as { cases: Case[] };
const spec = (file: string) => JSON.parse(readFileSync(join(DIR, "specs", file), "utf8")) as Record<string, any>;

/** Every request body schema of a document by operation and media type, with the components beside it for `$ref`s. */
function requestBodies(document: Record<string, any>): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const [path, item] of Object.entries<any>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<any>(item ?? {})) {
      for (const [media, content] of Object.entries<any>(operation?.requestBody?.content ?? {})) {
        if (content?.schema !== undefined) out.set(`${method.toUpperCase()} ${path} ${media}`, { ...content.schema, components: document.components ?? {} });
      }
    }
  }
  return out;
}

function report(c: Case) {
  const [before, after] = [requestBodies(spec(c.before)), requestBodies(spec(c.after))];
  return [...before.keys()].filter((k) => after.has(k)).flatMap((k) => diffSchemas(k, before.get(k)!, after.get(k)!));
}

describe("oasdiff's request-body cases", () => {
  it("cover enough of the catalogue to judge by", () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(new Set(cases.flatMap((c) => c.oasdiff)).size).toBeGreaterThan(60);
  });

  it.each(cases.map((c) => [c.test.split(":")[1], c] as const))("%s", (_, c) => {
    const changes = report(c);
    const verdict = changes.some((ch) => ch.level === "breaking");
    const expected = c.breaking ?? c.oasdiffBreaking;
    expect(verdict, `${c.before} → ${c.after}: ${JSON.stringify(changes.map((ch) => [ch.rule, ch.level, ch.path]))}${c.differs ? ` (differs from oasdiff: ${c.differs})` : ""}`).toBe(expected);
    // Nothing in these pairs needs the guard: every change has a rule of its own.
    expect(changes.filter((ch) => ch.rule === "unclassified")).toEqual([]);
  });

  it("differs from oasdiff only where a reason is written down", () => {
    const differing = cases.filter((c) => c.breaking !== undefined && c.breaking !== c.oasdiffBreaking);
    expect(differing.every((c) => (c.differs ?? "").length > 20)).toBe(true);
    expect(differing.length).toBeLessThan(cases.length / 4);
  });
});
