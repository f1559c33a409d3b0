import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CATALOGUE, RULES } from "./index.js";
import { rulesFor } from "./test-support.js";

// The level of every rule, as the issue defines them; changing one is a decision, not a refactor.
const LEVELS: Record<string, string> = {
  "model-removed": "breaking",
  "endpoint-changed": "breaking",
  "property-removed": "breaking",
  "property-added-required": "breaking",
  "property-became-required": "breaking",
  "type-narrowed": "breaking",
  "type-changed": "breaking",
  "enum-value-removed": "breaking",
  "enum-restricted": "breaking",
  "minimum-raised": "breaking",
  "maximum-lowered": "breaking",
  "format-added": "breaking",
  "pattern-added": "breaking",
  "closed-to-unknown-properties": "breaking",
  "variant-removed": "breaking",
  "nullable-removed": "breaking",
  "pattern-changed": "breaking",
  "format-changed": "breaking",
  "multiple-of-tightened": "breaking",
  "unique-items-added": "breaking",
  "constraint-added": "breaking",
  "negation-changed": "breaking",
  "condition-changed": "breaking",
  "variant-overlap-added": "breaking",
  "dependent-required-added": "breaking",
  "schema-invalid": "breaking",
  "variant-overlap-widened": "breaking",
  "operation-removed": "breaking",
  "response-property-removed": "breaking",
  "response-value-widened": "breaking",
  "response-value-changed": "breaking",
  unclassified: "breaking",
  "default-added": "behavior",
  "default-removed": "behavior",
  "default-changed": "behavior",
  "overlay-upstream-changed": "behavior",
  "model-added": "feature",
  "property-added-optional": "feature",
  "property-became-optional": "feature",
  "type-widened": "feature",
  "enum-value-added": "feature",
  "enum-lifted": "feature",
  "bound-relaxed": "feature",
  "format-removed": "feature",
  "pattern-removed": "feature",
  "opened-to-unknown-properties": "feature",
  "variant-added": "feature",
  "nullable-added": "feature",
  "multiple-of-relaxed": "feature",
  "unique-items-removed": "feature",
  "constraint-removed": "feature",
  "negation-relaxed": "feature",
  "dependent-required-removed": "feature",
  "schema-repaired": "feature",
  "operation-added": "feature",
  "response-property-added": "feature",
  "response-value-narrowed": "docs",
  "display-name-changed": "docs",
  "model-description-changed": "docs",
  "model-metadata-changed": "docs",
  "description-changed": "docs",
  "title-changed": "docs",
  "examples-changed": "docs",
  "x-order-changed": "docs",
  "basic-changed": "docs",
  "render-type-changed": "docs",
  "extension-changed": "docs",
  "enum-reordered": "docs",
  "deprecation-changed": "docs",
  "annotation-changed": "docs",
  "ignored-keyword-changed": "docs",
  "unknown-keyword-changed": "docs",
};

describe("the rule catalogue", () => {
  it("gives every rule the level it is meant to have", () => {
    const levels = Object.fromEntries(CATALOGUE.map((r) => [r.id, r.level]));
    expect(Object.keys(levels).sort()).toEqual(Object.keys(LEVELS).sort());
    expect(levels).toEqual(LEVELS);
  });

  it("has unique ids, each with a one-line description", () => {
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    for (const rule of CATALOGUE) expect(rule.description, rule.id).toMatch(/^[A-Z].*\.$/);
    for (const rule of CATALOGUE) expect(rule.description, rule.id).not.toContain("\n");
  });

  it("keeps each rule in a file named by its id, with a test beside it", async () => {
    const files = new Set(await readdir(import.meta.dirname));
    for (const { id } of CATALOGUE) {
      expect(files.has(`${id}.ts`), `${id}.ts`).toBe(true);
      expect(files.has(`${id}.test.ts`), `${id}.test.ts`).toBe(true);
    }
    const ruleFiles = [...files].filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["index.ts", "define.ts", "test-support.ts", "envelope-test-support.ts"].includes(f));
    expect(ruleFiles.map((f) => f.slice(0, -3)).sort()).toEqual(CATALOGUE.map((r) => r.id).sort());
  });

  it("lists the rules most severe level first", () => {
    const order = ["breaking", "behavior", "feature", "docs"];
    const ranks = RULES.map((r) => order.indexOf(r.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

// What each schema rule's example gives when read the other way round: the counterpart rule.
const REVERSED: Record<string, string> = {
  "property-removed": "property-added-optional",
  "property-added-optional": "property-removed",
  "property-added-required": "property-removed",
  "property-became-required": "property-became-optional",
  "property-became-optional": "property-became-required",
  "type-narrowed": "type-widened",
  "type-widened": "type-narrowed",
  "type-changed": "type-changed",
  "enum-value-removed": "enum-value-added",
  "enum-value-added": "enum-value-removed",
  "enum-restricted": "enum-lifted",
  "enum-lifted": "enum-restricted",
  "minimum-raised": "bound-relaxed",
  "maximum-lowered": "bound-relaxed",
  "bound-relaxed": "maximum-lowered",
  "format-added": "format-removed",
  "format-removed": "format-added",
  "format-changed": "format-changed",
  "pattern-added": "pattern-removed",
  "pattern-removed": "pattern-added",
  "pattern-changed": "pattern-changed",
  "closed-to-unknown-properties": "opened-to-unknown-properties",
  "opened-to-unknown-properties": "closed-to-unknown-properties",
  "variant-added": "variant-removed",
  "variant-removed": "variant-added",
  "variant-overlap-added": "variant-removed",
  "nullable-added": "nullable-removed",
  "nullable-removed": "nullable-added",
  "multiple-of-tightened": "multiple-of-relaxed",
  "multiple-of-relaxed": "multiple-of-tightened",
  "unique-items-added": "unique-items-removed",
  "unique-items-removed": "unique-items-added",
  "constraint-added": "constraint-removed",
  "constraint-removed": "constraint-added",
  "negation-changed": "negation-relaxed",
  "negation-relaxed": "negation-changed",
  "condition-changed": "condition-changed",
  "dependent-required-added": "dependent-required-removed",
  "dependent-required-removed": "dependent-required-added",
  "default-added": "default-removed",
  "default-removed": "default-added",
  "default-changed": "default-changed",
  // Any change to a reviewed node asks for a review, whichever way it goes.
  "overlay-upstream-changed": "overlay-upstream-changed",
};

describe("the catalogue's examples", () => {
  // Both directions of every schema rule: read backwards, the example is its counterpart's (a docs rule is its own).
  it.each(RULES.filter((r) => r.scope === "schema").map((r) => [r.id, r] as const))("%s: its example read backwards gives its counterpart", (_, rule) => {
    const counterpart = REVERSED[rule.id] ?? (rule.level === "docs" ? rule.id : undefined);
    expect(counterpart, `${rule.id} needs a counterpart in REVERSED`).toBeDefined();
    const reversed = rulesFor(rule.example!.after, rule.example!.before);
    expect(reversed, rule.id).toContain(`${counterpart}:${CATALOGUE.find((r) => r.id === counterpart)!.level}`);
    if (counterpart !== rule.id) expect(reversed, rule.id).not.toContain(`${rule.id}:${rule.level}`);
  });

  // The example the catalogue shows for a schema rule is a change of one parameter that the rule classifies.
  it.each(RULES.filter((r) => r.scope === "schema").map((r) => [r.id, r] as const))("%s: its example is classified by it, at its level", (_, rule) => {
    expect(rule.example, rule.id).toBeDefined();
    expect(rulesFor(rule.example!.before, rule.example!.after)).toContain(`${rule.id}:${rule.level}`);
  });
});
