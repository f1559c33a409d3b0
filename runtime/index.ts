export { OxenClient, clientFor } from "./client.js";
export type {
  ClientChoice,
  EnqueueOptions,
  GenerationHandle,
  InputOptions,
  Model,
  ModelList,
  ModelRef,
  OxenClientOptions,
  QueueCreateResponse,
  QueueRow,
  QueueStatus,
  RunOptions,
  VideoGenerateResponse,
} from "./client.js";
export { APIError, OxenError, ValidationError } from "./errors.js";
export { DEFAULT_BASE_URL, Transport, type ClientOptions, type RequestOptions } from "./transport.js";
export { runValidator, type FieldError, type ValidateOptions, type ValidationResult } from "./validation.js";
