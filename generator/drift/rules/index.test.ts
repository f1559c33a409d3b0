import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CATALOGUE, RULES } from "./index.js";

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
};

describe("the rule catalogue", () => {
  it("gives every rule the level it is meant to have", () => {
    expect(Object.fromEntries(CATALOGUE.map((r) => [r.id, r.level]))).toEqual(LEVELS);
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
    const ruleFiles = [...files].filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["index.ts", "define.ts"].includes(f));
    expect(ruleFiles.map((f) => f.slice(0, -3)).sort()).toEqual(CATALOGUE.map((r) => r.id).sort());
  });

  it("lists the rules most severe level first", () => {
    const order = ["breaking", "behavior", "feature", "docs"];
    const ranks = RULES.map((r) => order.indexOf(r.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("the README", () => {
  it("lists every rule under its level", async () => {
    const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
    for (const { id, level } of CATALOGUE) expect(readme, id).toMatch(new RegExp(`^\\| \`${level}\` \\|.*\`${id}\``, "m"));
  });
});
