import type { FieldError } from "./validation.js";

/** Base of every error this package throws. */
export class OxenError extends Error {
  override name = "OxenError";
}

/** The API answered with a status other than 2xx. Subclasses name the common statuses. */
export class APIError extends OxenError {
  override name = "APIError";
  constructor(
    readonly status: number,
    /** `error.type` or `status_message` from the body, when there is one. */
    readonly code: string | undefined,
    message: string,
    /** The body as received: parsed JSON, or text. */
    readonly body: unknown,
    /** From the `x-request-id` header (or a similar one), for support requests. */
    readonly requestId: string | undefined,
  ) {
    super(message);
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** Any 5xx. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The APIError subclass for a status. */
export function apiErrorClass(status: number): typeof APIError {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
}

/** No answer: the connection failed or was cut before a complete response arrived. */
export class ConnectionError extends OxenError {
  override name = "ConnectionError";
}

/** A request, or a whole `wait`, ran past its time limit. */
export class TimeoutError extends OxenError {
  override name = "TimeoutError";
}

/** The caller aborted through its `AbortSignal`. */
export class AbortError extends OxenError {
  override name = "AbortError";
}

/** A request body failed the model's schema; nothing was sent. */
export class ValidationError extends OxenError {
  override name = "ValidationError";
  constructor(
    readonly modelId: string,
    readonly errors: FieldError[],
  ) {
    super(`invalid input for ${modelId}: ${errors.map((e) => e.message).join("; ")}`);
  }
}

/** What a generation error carries: the queue row as last seen. */
interface RowLike {
  generation_id: string;
  status: string;
  error_message?: string | null;
}

/** The generation ended with status `failed`. */
export class GenerationFailedError extends OxenError {
  override name = "GenerationFailedError";
  readonly generationId: string;
  /** The row's `error_message` (or the event's `error`). */
  readonly errorMessage: string | undefined;
  constructor(readonly row: RowLike & Record<string, unknown>) {
    super(`generation ${row.generation_id} failed: ${row.error_message ?? "no reason given"}`);
    this.generationId = row.generation_id;
    this.errorMessage = row.error_message ?? undefined;
  }
}

/** The generation was cancelled (by this client or another). */
export class GenerationCancelledError extends OxenError {
  override name = "GenerationCancelledError";
  readonly generationId: string;
  constructor(readonly row: RowLike & Record<string, unknown>) {
    super(`generation ${row.generation_id} was cancelled`);
    this.generationId = row.generation_id;
  }
}
