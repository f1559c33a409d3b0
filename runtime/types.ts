import type { components } from "../generated/hub.js";

type Schemas = components["schemas"];
export type Model = Schemas["Model"];
export type ModelList = Schemas["ListModelsResponse"];
export type VideoGenerateResponse = Schemas["VideoGenerateResponse"];
export type QueueCreateResponse = Schemas["QueueCreateResponse"];
export type QueueDeleteResponse = Schemas["QueueDeleteResponse"];
/** A queue row: what `queue.get` returns (original request parameters are merged in). */
export type QueueRow = Schemas["QueueGenerationResponse"] & Record<string, unknown>;
export type QueueStatus = QueueRow["status"];
export interface QueueList {
  count: number;
  generations: QueueRow[];
}

/** A stored reference to one queued generation: plain JSON, safe to persist and to `wait` on from another process. */
export interface GenerationHandle {
  generationId: string;
  modelId: string;
  /** ISO 8601, when this client enqueued it. */
  enqueuedAt: string;
  /** sha256 of the request schema the input was validated against (absent when the client had no contract for the model). */
  schemaSha256?: string;
}
