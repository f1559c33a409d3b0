import { describe, expect, it } from "vitest";
import { formatReport } from "./format.js";
import { summarize } from "./engine.js";
import type { Change } from "./types.js";

const change = (model: string, level: Change["level"], message: string, path = "/properties/x"): Change => ({ model, path, rule: `${level}-rule`, level, before: 1, after: 2, message });
const report = summarize([
  change("a-model", "docs", "x: description changed"),
  change("a-model", "feature", "y: new optional parameter"),
  change("z-model", "breaking", "seed: parameter removed"),
  change("z-model", "docs", "seed: title changed"),
]);

describe("formatReport", () => {
  it("json: exactly one object with changes, summary and semver", () => {
    const parsed = JSON.parse(formatReport(report, "json"));
    expect(Object.keys(parsed)).toEqual(["changes", "summary", "semver"]);
    expect(parsed).toEqual(report);
  });

  it("markdown: grouped by model, the model with a breaking change first, breaking first within it", () => {
    const text = formatReport(report, "markdown");
    expect(text).toMatch(/^## API drift: 1 breaking, 0 behavior, 1 feature, 2 docs\n/);
    expect(text).toContain("Suggested version bump: **major**.");
    const order = ["### z-model", "**breaking** seed: parameter removed", "**docs** seed: title changed", "### a-model", "**feature** y: new optional parameter", "**docs** x: description changed"];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("markdown: opens with a summary table, a row per model in report order, then the totals", () => {
    const text = formatReport(report, "markdown");
    const table = ["| model | breaking | behavior | feature | docs |", "|---|---:|---:|---:|---:|", "| z-model | 1 | 0 | 0 | 1 |", "| a-model | 0 | 0 | 1 | 1 |", "| **all 2** | 1 | 0 | 1 | 2 |"].join("\n");
    expect(text).toContain(table);
    expect(text.indexOf(table)).toBeLessThan(text.indexOf("### z-model"));
  });

  it("markdown: a model name in the table cannot break the table or format", () => {
    const text = formatReport(summarize([change("a|b*", "docs", "x")]), "markdown");
    expect(text).toContain("| a\\|b\\* | 0 | 0 | 0 | 1 |");
  });

  it("markdown: upstream text cannot add links, HTML, mentions or break out of code", () => {
    const hostile = summarize([change("m", "feature", "<img src=x onerror=alert(1)> [click](https://evil) @octocat #1 `x`", "/properties/a`b")]);
    const text = formatReport(hostile, "markdown");
    expect(text).toContain("\\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(https://evil\\) \\@octocat \\#1 \\`x\\`");
    expect(text).toContain("`` /properties/a`b ``");
  });

  it("markdown: says so when nothing changed", () => {
    expect(formatReport(summarize([]), "markdown")).toContain("No changes between the two snapshots.");
  });

  it("text: one line per change under its model, then the totals", () => {
    expect(formatReport(report, "text").split("\n")).toEqual([
      "z-model",
      "  breaking  seed: parameter removed  [breaking-rule /properties/x]",
      "  docs      seed: title changed  [docs-rule /properties/x]",
      "a-model",
      "  feature   y: new optional parameter  [feature-rule /properties/x]",
      "  docs      x: description changed  [docs-rule /properties/x]",
      "",
      "1 breaking, 0 behavior, 1 feature, 2 docs; suggested version bump: major",
    ]);
  });

  it("text: control characters from upstream names are shown escaped, never sent to the terminal", () => {
    const text = formatReport(summarize([change("m", "feature", "\u001b[2Jx: new optional parameter")]), "text");
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001b[2Jx");
  });
});
