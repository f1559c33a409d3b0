// What the envelope rule tests share: a one-operation OpenAPI document and its diff.
import { diffEnvelopes } from "../envelope.js";

/** Oxen's document reduced to POST /api/ai/queue with the given request and 200 response schemas. */
export function hub(request: unknown, response: unknown): { document: Record<string, unknown> } {
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  return { document: { paths: { "/api/ai/queue": { post: { requestBody: json(request), responses: { "200": json(response) } } } }, components: { schemas: {} } } };
}

/** The `rule:level` of every envelope change between two such documents. */
export function envelopeRules(before: { document: Record<string, unknown> }, after: { document: Record<string, unknown> }): string[] {
  return diffEnvelopes(before, after).map((c) => `${c.rule}:${c.level}`);
}
