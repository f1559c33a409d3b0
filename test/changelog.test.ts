import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addUnreleased } from "../scripts/changelog.js";

describe("the drift report in CHANGELOG.md", () => {
  it("goes first under Unreleased, its headings below the entry's", async () => {
    const changelog = await readFile(join(import.meta.dirname, "..", "CHANGELOG.md"), "utf8");
    const next = addUnreleased(changelog, "# Drift\n\n## ltx-2-3-pro-audio-to-video\n- `prompt`: removed (breaking)\n", "2026-12-01");
    const unreleased = next.slice(next.indexOf("## [Unreleased]"), next.indexOf("## [0."));
    const before = changelog.slice(changelog.indexOf("## [Unreleased]\n") + "## [Unreleased]\n".length, changelog.indexOf("## [0."));
    expect(unreleased).toBe(`## [Unreleased]\n\n### Upstream API drift (2026-12-01)\n\n#### Drift\n\n##### ltx-2-3-pro-audio-to-video\n- \`prompt\`: removed (breaking)\n${before}`);
    expect(next.slice(next.indexOf("## [0."))).toBe(changelog.slice(changelog.indexOf("## [0.")));
  });

  it("needs an Unreleased section", () => {
    expect(() => addUnreleased("# Changelog\n", "x", "2026-12-01")).toThrow('no "## [Unreleased]" section');
  });
});
