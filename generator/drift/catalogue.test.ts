import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_FILE, mappingProblems, readMapping, renderCatalogue } from "./catalogue.js";
import { CATALOGUE } from "./rules/index.js";

describe("docs/drift-rules.md", () => {
  it("is what the registry and the oasdiff mapping generate (run `npx tsx generator/drift/write-catalogue.ts` after changing a rule)", () => {
    expect(readFileSync(CATALOGUE_FILE, "utf8")).toBe(renderCatalogue(readMapping()));
  });

  it("lists every rule with its level", () => {
    const text = readFileSync(CATALOGUE_FILE, "utf8");
    for (const { id, level } of CATALOGUE) expect(text, id).toMatch(new RegExp(`^\\| \`${id}\` \\| ${level} \\|`, "m"));
  });

  it("maps every request-side rule of oasdiff to rules of ours that exist, or says why none should", () => {
    const mapping = readMapping();
    expect(mappingProblems(mapping)).toEqual([]);
    expect(mapping.rules.length).toBeGreaterThan(150);
    expect(new Set(mapping.rules.map((r) => r.id)).size).toBe(mapping.rules.length);
  });

  it("reports an unknown rule of ours or a missing reason", () => {
    const mapping = { ...readMapping(), rules: [{ id: "x", level: "ERR" as const, ours: ["no-such-rule"] }, { id: "y", level: "INFO" as const }] };
    expect(mappingProblems(mapping)).toEqual(["x: no rule of ours is called no-such-rule", "y: names no rule of ours and gives no reason"]);
  });
});
