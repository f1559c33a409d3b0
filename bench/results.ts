// The results table: one row per comparison of ours with one peer, rendered as markdown.
import { cpus, totalmem } from "node:os";
import type { Stat } from "./measure.js";
import type { TargetResult } from "./targets.js";

export interface Measured {
  label: string;
  stat: Stat;
}

export interface Row {
  workload: string;
  case: string;
  unit: string;
  /** Time and size: lower is better. Rates: higher is better. */
  better: "lower" | "higher";
  ours: Measured;
  peer: Measured;
  /** Ours at two sizes rather than against a peer: the ratio reads as growth, and never as the slowest ratio. */
  growth?: boolean;
}

/** How many times better ours is than the peer: above 1 ours wins, below 1 the peer does. */
export function advantage(row: Row): number {
  const { median: ours } = row.ours.stat;
  const { median: peer } = row.peer.stat;
  return row.better === "lower" ? peer / ours : ours / peer;
}

function number(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(m: Measured, unit: string): string {
  const spread = m.stat.samples.length > 1 ? ` ±${(m.stat.spread * 100).toFixed(0)}%` : "";
  return `${m.label}: ${number(m.stat.median)} ${unit}${spread}`;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** The whole RESULTS.md text. */
export function renderResults(rows: Row[], about: { date: string; mode: string; seconds: number }, targets: TargetResult[] = []): string {
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench`; do not edit by hand. Each cell is the median over the rounds, ± half the",
    "interquartile range; ours and the peer ran alternately in the same run. **Ours ×** is how many times",
    "better ours is (lower time or size, higher rate): above 1 ours wins.",
    "",
    `- machine: ${machine()}`,
    `- date: ${about.date}`,
    `- mode: ${about.mode} (${Math.round(about.seconds)} s)`,
    "",
    "| # | workload | case | ours | peer | ours × |",
    "|---|---|---|---|---|---|",
    ...rows.map((r, i) => {
      const ratio = r.growth ? `grows ${(r.ours.stat.median / r.peer.stat.median).toFixed(2)}×` : advantage(r).toFixed(2);
      return `| ${i + 1} | ${r.workload} | ${r.case} | ${cell(r.ours, r.unit)} | ${cell(r.peer, r.unit)} | ${ratio} |`;
    }),
    "",
  ];
  const slowest = rows.filter((r) => !r.growth).sort((a, b) => advantage(a) - advantage(b))[0];
  if (slowest !== undefined) lines.push(`Slowest ratio: row ${rows.indexOf(slowest) + 1} (${slowest.workload}, ${slowest.case}, against ${slowest.peer.label}): ${advantage(slowest).toFixed(2)}.`, "");
  if (targets.length > 0) {
    lines.push("## Targets (lean output)", "", `${targets.filter((t) => t.met).length} of ${targets.length} met. A missed target says what explains it and what would move it.`, "", "| target | measured | met | why not, and what would move it |", "|---|---|---|---|");
    for (const t of targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? "yes" : "**no**"} | ${t.met ? "" : t.why} |`);
    lines.push("");
  }
  return lines.join("\n");
}
