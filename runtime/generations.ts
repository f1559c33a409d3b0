import type { components, operations } from "../generated/hub.js";
import { OxenError } from "./errors.js";
import { HISTORY_PAGE, HISTORY_PAGE_SIZE, outOfRange } from "./limits.js";
import { pathOf, type RequestOptions, type Transport } from "./transport.js";

type Query = NonNullable<operations["OxenApiWeb.Controllers.GenerationsController.index"]["parameters"]["query"]>;

/** One page of the generation history, as `GET /api/ai/generations` answers it. */
export type GenerationPage = components["schemas"]["GenerationsListResponse"];
/** A history row: the queue row with `cost` (and who ran it); the original request parameters are merged in. */
export type HistoryRow = GenerationPage["generations"][number] & Record<string, unknown>;
/** `GET /api/ai/generations/{id}`: `{ status, status_message, generation }`. */
export type GenerationDetail = components["schemas"]["GenerationsShowResponse"];

/** The documented filters and paging of `GET /api/ai/generations`. */
export interface GenerationFilters extends RequestOptions {
  namespace?: string;
  model?: string;
  mediaType?: Query["media_type"];
  status?: Query["status"];
  repo?: string;
  folder?: string;
  /** From 1 (the default). */
  page?: number;
  /** From 1 to 1000; the server's default is 50. */
  pageSize?: number;
}

/** One page of history, newest first; the paging is checked before anything is sent. */
export function listGenerations(transport: Transport, { signal, timeoutMs, mediaType, pageSize, page, ...filters }: GenerationFilters = {}): Promise<GenerationPage> {
  const problem = (page === undefined ? undefined : outOfRange("page", page, HISTORY_PAGE)) ?? (pageSize === undefined ? undefined : outOfRange("pageSize", pageSize, HISTORY_PAGE_SIZE));
  if (problem !== undefined) return Promise.reject(new OxenError(`generations.list: ${problem}; nothing was sent`));
  return transport.request({ method: "GET", path: "/api/ai/generations", query: { ...filters, media_type: mediaType, page, page_size: pageSize }, signal, timeoutMs });
}

/**
 * Every history row that passes `filters`, page after page from `filters.page` (default 1) to the
 * last. Pages are newest first, so a generation started meanwhile shifts them: a row may come twice.
 */
export async function* eachGeneration(transport: Transport, filters: GenerationFilters = {}): AsyncGenerator<HistoryRow> {
  for (let page = filters.page ?? 1; ; page++) {
    const result = await listGenerations(transport, { ...filters, page });
    yield* result.generations as HistoryRow[];
    if (page >= result.total_pages || result.generations.length === 0) return;
  }
}

/** One generation with its cost and owner, unwrapped from its envelope. */
export async function getGeneration(transport: Transport, generationId: string, options: RequestOptions = {}): Promise<HistoryRow> {
  const detail = await transport.request<GenerationDetail>({ method: "GET", path: pathOf`/api/ai/generations/${generationId}`, ...options });
  return detail.generation as HistoryRow;
}
