/**
 * Ranges Oxen's published document declares (schemas/hub-openapi.json), checked before a request is
 * sent; test/limits.test.ts holds them to the document.
 */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/** `num_generations` of `POST /api/ai/queue` (QueueCreateRequest): the older prose said 1–4. */
export const NUM_GENERATIONS: IntegerRange = { min: 1, max: 12 };

/** `page` of `GET /api/ai/generations`. */
export const HISTORY_PAGE: IntegerRange = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** `page_size` of `GET /api/ai/generations`; 50 when absent. */
export const HISTORY_PAGE_SIZE: IntegerRange & { readonly default: number } = { min: 1, max: 1000, default: 50 };

/** Why `value` is not an integer within `range` ("numGenerations must be an integer from 1 to 12 (got 0)"), or undefined when it is. */
export function outOfRange(name: string, value: unknown, range: IntegerRange): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) return undefined;
  const upper = range.max === Number.MAX_SAFE_INTEGER ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
  return `${name} must be an integer ${upper} (got ${JSON.stringify(value) ?? String(value)})`;
}
