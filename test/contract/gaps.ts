import type { Violation } from "./judge.js";

/**
 * Where Oxen's published document (schemas/hub-openapi.json) falls short of the service it describes,
 * so that the local server departs from it on purpose. docs/contract.md lists the same ids with
 * their sources; test/contract.test.ts fails on any violation none of these covers.
 */
export interface DocumentGap {
  id: string;
  matches(violation: Violation): boolean;
}

const QUEUE_AND_SYNC = new Set(["POST /api/ai/queue", "POST /api/ai/videos/generate"]);

export const DOCUMENT_GAPS: readonly DocumentGap[] = [
  { id: "events-stream", matches: (v) => v.part === "operation" && v.operation === "GET /api/events" },
  { id: "status-401", matches: (v) => v.part === "status" && v.status === 401 },
  { id: "status-429", matches: (v) => v.part === "status" && v.status === 429 },
  { id: "status-5xx", matches: (v) => v.part === "status" && v.status >= 500 },
  { id: "prompt-required", matches: (v) => v.part === "request" && QUEUE_AND_SYNC.has(v.operation) && v.message === "/requestBody must have required property 'prompt'" },
];
