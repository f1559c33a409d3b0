import { STATUS_CODES } from "node:http";

/** The first documented error shape: `{ error: { type, title, detail }, status: "error", status_message }`. */
export function typedError(type: string, title: string, detail: string): unknown {
  return { error: { type, title, detail }, status: "error", status_message: type };
}

/** The second documented error shape: `{ error: { message } }`. */
export function messageError(message: string): unknown {
  return { error: { message } };
}

/** The body the server sends for an error status when a fault names no body; both shapes occur. */
export function defaultErrorBody(status: number): unknown {
  if (status === 400) return typedError("invalid_params", "Invalid parameters", "The request could not be processed");
  if (status === 401) return typedError("unauthenticated", "Unauthenticated", "A valid API key is required");
  if (status === 404) return typedError("resource_not_found", "Not found", "The resource does not exist");
  if (status === 429) return messageError("Rate limit exceeded");
  if (status >= 500) return typedError("unknown_error", STATUS_CODES[status] ?? "Server error", "Something went wrong");
  return messageError(STATUS_CODES[status] ?? `HTTP ${status}`);
}
