import { HISTORY_PAGE, HISTORY_PAGE_SIZE, outOfRange, type IntegerRange } from "../runtime/limits.js";
import { matchesFilters } from "./filters.js";
import type { Row } from "./queue.js";

/** A history row: the queue row plus what it was charged (a decimal string, null when nothing was). */
export type HistoryRow = Row & { cost: string | null };

/** The answer to `GET /api/ai/generations`, or the name of the query parameter that is out of its declared range. */
export type HistoryPage =
  | { ok: true; body: { count: number; generations: HistoryRow[]; page_number: number; page_size: number; total_entries: number; total_pages: number; total_cost: string | null } }
  | { ok: false; problem: string };

const STATUSES = ["queued", "processing", "succeeded", "failed", "cancelled"];
const MEDIA_TYPES = ["image", "video"];

/** Every row that passes the documented filters, newest first, one page of them, with the totals of the whole filtered set. */
export function historyPage(rows: Iterable<Row>, query: URLSearchParams): HistoryPage {
  const page = integerParam(query, "page", 1, HISTORY_PAGE);
  const size = integerParam(query, "page_size", HISTORY_PAGE_SIZE.default, HISTORY_PAGE_SIZE);
  if (typeof page === "string") return { ok: false, problem: page };
  if (typeof size === "string") return { ok: false, problem: size };
  for (const [param, allowed] of [["status", STATUSES], ["media_type", MEDIA_TYPES]] as const) {
    const value = query.get(param);
    if (value !== null && !allowed.includes(value)) return { ok: false, problem: `${param} must be one of ${allowed.join(", ")}` };
  }
  const all = [...rows].filter((r) => matchesFilters(r, query)).reverse().map(historyRow);
  const charged = all.filter((r) => r.cost !== null);
  const generations = all.slice((page - 1) * size, page * size);
  return {
    ok: true,
    body: {
      count: generations.length,
      generations,
      page_number: page,
      page_size: size,
      total_entries: all.length,
      total_pages: Math.ceil(all.length / size),
      total_cost: charged.length === 0 ? null : charged.reduce((sum, r) => sum + Number(r.cost), 0).toFixed(2),
    },
  };
}

/** A generation's history row: only a succeeded generation is charged (a flat 0.10 here). */
export function historyRow(row: Row): HistoryRow {
  return { ...row, cost: row.status === "succeeded" ? "0.10" : null };
}

/** The integer value of a query parameter within its declared range, its default when absent, or why it is refused. */
function integerParam(query: URLSearchParams, name: string, fallback: number, range: IntegerRange): number | string {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : raw;
  return outOfRange(name, value, range) ?? (value as number);
}
