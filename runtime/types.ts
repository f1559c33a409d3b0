import type { components } from "../generated/hub.js";

type Schemas = components["schemas"];
export type Model = Schemas["Model"];
export type ModelList = Schemas["ListModelsResponse"];
export type VideoGenerateResponse = Schemas["VideoGenerateResponse"];

/** The video URLs of a sync `videos.generate` result, in order (entries without a URL are left out). */
export function videoUrls(result: VideoGenerateResponse): string[] {
  return (result.videos ?? []).flatMap((video) => (typeof video?.url === "string" ? [video.url] : []));
}
export type QueueCreateResponse = Schemas["QueueCreateResponse"];
export type QueueDeleteResponse = Schemas["QueueDeleteResponse"];
/**
 * A queue row: what `queue.get` returns. The service also merges the original request parameters
 * into it; they are not typed here, since no source documents which ones come back.
 */
export type QueueRow = Schemas["QueueGenerationResponse"];
export type QueueStatus = QueueRow["status"];
/** A row that ended in success, as `wait` and `run` return it: its video is at `result_url`. */
export type SucceededRow = QueueRow & { status: "succeeded"; result_url: string };
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
