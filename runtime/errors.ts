import type { FieldError } from "./validation.js";

/** Base of every error this package throws. */
export class OxenError extends Error {
  override name = "OxenError";
}

/** The API answered with a status other than 2xx. */
export class APIError extends OxenError {
  override name = "APIError";
  constructor(
    readonly status: number,
    /** `error.type` or `status_message` from the body, when there is one. */
    readonly code: string | undefined,
    message: string,
    /** The body as received: parsed JSON, or text. */
    readonly body: unknown,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }
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
