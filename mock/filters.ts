import type { Row } from "./queue.js";

/** The row filters `GET /api/ai/queue` and `GET /api/ai/generations` document: query name → row field. */
const ROW_FILTERS: Readonly<Record<string, keyof Row>> = {
  namespace: "target_namespace",
  repo: "target_repo",
  folder: "target_directory",
  model: "model_name",
  media_type: "media_type",
  status: "status",
};

/** Whether `row` passes every documented filter present in `query`. */
export function matchesFilters(row: Row, query: URLSearchParams): boolean {
  return Object.entries(ROW_FILTERS).every(([param, field]) => !query.has(param) || row[field] === query.get(param));
}
