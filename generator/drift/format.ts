// The three printed forms of a drift report. Names in messages come from upstream schemas, so
// every string is made safe for where it is printed.
import { LEVELS, type Change, type DiffReport, type Level } from "./types.js";

export const FORMATS = ["text", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

const MEANING: Record<Level, string> = {
  breaking: "a request that worked may now fail",
  behavior: "the same request now does something different",
  feature: "new capability, nothing breaks",
  docs: "documentation and display only",
};

export function formatReport(report: DiffReport, format: Format): string {
  if (format === "json") return JSON.stringify(report, null, 2);
  return format === "markdown" ? markdown(report) : text(report);
}

const rank = (level: Level): number => LEVELS.indexOf(level);

/** Models with their changes, most severe first: models by their worst change, then by id. */
function byModel(changes: Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) groups.set(change.model, [...(groups.get(change.model) ?? []), change]);
  const sorted = [...groups].map(([model, list]): [string, Change[]] => [model, [...list].sort((a, b) => rank(a.level) - rank(b.level))]);
  return sorted.sort(([a, x], [b, y]) => rank(x[0]!.level) - rank(y[0]!.level) || (a < b ? -1 : 1));
}

function totals(report: DiffReport): string {
  return LEVELS.map((level) => `${report.summary[level]} ${level}`).join(", ");
}

/** Control characters would move the cursor or recolour a terminal. */
function plain(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function text(report: DiffReport): string {
  if (report.changes.length === 0) return "no changes";
  const lines: string[] = [];
  for (const [model, changes] of byModel(report.changes)) {
    lines.push(plain(model));
    for (const c of changes) lines.push(`  ${c.level.padEnd(8)}  ${plain(c.message)}  [${c.rule}${c.path === "" ? "" : ` ${plain(c.path)}`}]`);
  }
  lines.push("", `${totals(report)}; suggested version bump: ${report.semver}`);
  return lines.join("\n");
}

/**
 * Markdown inline text: every character that could format, link, open HTML or notify (`@user`,
 * `#123`) is escaped, so upstream text stays text.
 */
function md(value: string): string {
  return plain(value).replace(/[\\`*_{}[\]()<>|~&@#!]/g, (c) => `\\${c}`);
}

/** A code span that no backtick inside `value` can close early. */
function code(value: string): string {
  const fence = "`".repeat(Math.max(0, ...(plain(value).match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return `${fence} ${plain(value)} ${fence}`;
}

function markdown(report: DiffReport): string {
  const lines = [`## API drift: ${totals(report)}`, ""];
  if (report.changes.length === 0) return [...lines, "No changes between the two snapshots.", ""].join("\n");
  lines.push(`Suggested version bump: **${report.semver}**.`, "");
  const groups = byModel(report.changes);
  lines.push(`| model | ${LEVELS.join(" | ")} |`, `|---|${LEVELS.map(() => "---:").join("|")}|`);
  for (const [model, changes] of groups) lines.push(`| ${md(model)} | ${LEVELS.map((level) => changes.filter((c) => c.level === level).length).join(" | ")} |`);
  lines.push(`| **all ${groups.length}** | ${LEVELS.map((level) => report.summary[level]).join(" | ")} |`, "");
  lines.push(...LEVELS.map((level) => `- **${level}**: ${MEANING[level]}`), "");
  for (const [model, changes] of groups) {
    lines.push(`### ${md(model)}`, "");
    for (const c of changes) lines.push(`- **${c.level}** ${md(c.message)} (${code(c.rule)}${c.path === "" ? "" : ` at ${code(c.path)}`})`);
    lines.push("");
  }
  return lines.join("\n");
}
