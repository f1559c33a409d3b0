export { OxenClient, clientFor } from "./client.js";
export type { ClientChoice, EnqueueOptions, InputOptions, ModelListOptions, ModelRef, OxenClientOptions, QueueListFilters, RunOptions } from "./client.js";
export type { GenerationHandle, Model, ModelList, QueueCreateResponse, QueueDeleteResponse, QueueList, QueueRow, QueueStatus, VideoGenerateResponse } from "./types.js";
export {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GenerationCancelledError,
  GenerationFailedError,
  InternalServerError,
  NotFoundError,
  OxenError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
export { EventSubscription, type CompletionEvent, type EventStreamOptions, type SubscribeOptions } from "./events.js";
export type { DownloadOptions, DownloadProgress, DownloadResult } from "./download.js";
export type { WaitOptions } from "./wait.js";
export type { Backoff } from "./retry.js";
export { DEFAULT_BASE_URL, Transport, type ClientOptions, type Logger, type RequestOptions } from "./transport.js";
export { runValidator, type FieldError, type ModelValidator, type ValidateOptions, type ValidationResult } from "./validation.js";
export { standardSchema, type StandardSchemaV1 } from "./standard-schema.js";
export type { KeyNode } from "./declared-keys.js";
