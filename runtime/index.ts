export { OxenClient, clientFor } from "./client.js";
export type { ClientChoice, ModelListOptions, OxenClientOptions, QueueListFilters } from "./client.js";
export type { InputOptions, ModelRef } from "./inputs.js";
export { loadModule, unknownModel, type ModelLoader } from "./model-loaders.js";
export type { EnqueueOptions } from "./queue-calls.js";
export type { RunOptions } from "./run.js";
export { enqueueWith, generateWith, runWith } from "./model-calls.js";
export { videoUrls, type GenerationHandle, type Model, type ModelList, type QueueCreateResponse, type QueueDeleteResponse, type QueueList, type QueueRow, type QueueStatus, type SucceededRow, type VideoGenerateResponse } from "./types.js";
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
export type { GenerationDetail, GenerationFilters, GenerationPage, HistoryRow } from "./generations.js";
export { NUM_GENERATIONS, HISTORY_PAGE_SIZE } from "./limits.js";
export type { DownloadOptions, DownloadProgress, DownloadResult } from "./download.js";
export type { WaitOptions } from "./wait.js";
export type { Backoff } from "./retry.js";
export { DEFAULT_BASE_URL, Transport, type ClientOptions, type Logger, type RequestOptions } from "./transport.js";
export { Files, type UploadOptions, type UploadProgress, type UploadResult, type UploadTarget } from "./uploads.js";
export type { LocalFile, WithLocalFiles } from "./local-files.js";
export { isLocalPath, mediaParameters, mediaUrlCheck, mediaUrlProblem, UPLOAD_HINT } from "./media.js";
export { runValidator, validateWith, type FieldError, type ModelValidator, type ValidateOptions, type ValidationResult, type ValidatorParts } from "./validation.js";
// The parts of validation a generated model passes to validateWith when its schema can need them.
export { ajvMessage } from "./ajv-messages.js";
export { unknownKeys } from "./declared-keys.js";
export { flatUnknownKeys } from "./flat-keys.js";
export { explainUnions } from "./union-errors.js";
export { standardSchema, type StandardSchemaV1 } from "./standard-schema.js";
export type { KeyNode } from "./declared-keys.js";
