// Adds a drift report under "## [Unreleased]" in CHANGELOG.md (the drift workflow runs it), so the
// changelog carries the API's history as the pull requests that regenerate the package describe it.
// Usage: tsx scripts/changelog.ts <report.md> [--date YYYY-MM-DD] [--changelog CHANGELOG.md]
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const UNRELEASED = "## [Unreleased]";

/** `changelog` with `report` added as the first entry under Unreleased, its headings moved below the entry's own. */
export function addUnreleased(changelog: string, report: string, date: string): string {
  const at = changelog.indexOf(`${UNRELEASED}\n`);
  if (at === -1) throw new Error(`no "${UNRELEASED}" section`);
  const body = report
    .trim()
    .split("\n")
    .map((line) => (/^#{1,3} /.test(line) ? `###${line}` : line))
    .join("\n");
  const entry = `\n### Upstream API drift (${date})\n\n${body}\n`;
  const insertAt = at + UNRELEASED.length + 1;
  return `${changelog.slice(0, insertAt)}${entry}${changelog.slice(insertAt)}`;
}

if (import.meta.url === new URL(process.argv[1] ?? "", "file:").href) {
  const { values, positionals } = parseArgs({ options: { date: { type: "string" }, changelog: { type: "string" } }, allowPositionals: true });
  const [reportFile] = positionals;
  if (reportFile === undefined) throw new Error("usage: tsx scripts/changelog.ts <report.md> [--date YYYY-MM-DD] [--changelog FILE]");
  const file = values.changelog ?? "CHANGELOG.md";
  const next = addUnreleased(readFileSync(file, "utf8"), readFileSync(reportFile, "utf8"), values.date ?? new Date().toISOString().slice(0, 10));
  writeFileSync(`${file}.tmp`, next);
  renameSync(`${file}.tmp`, file);
}
