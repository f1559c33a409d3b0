/**
 * A failure the server plays instead of (or on top of) its normal answer, for the next `times`
 * requests that match `method` and `path`. Fields combine: `{ delayMs: 500, status: 503 }` answers
 * 503 after half a second.
 */
export interface Fault {
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only requests whose path starts with this string, or matches this pattern (any when absent). */
  path?: string | RegExp;
  /** How many matching requests it applies to. Default 1. */
  times?: number;
  /** Wait this long before answering (a slow answer). The request is still handled afterwards. */
  delayMs?: number;
  /** Answer with this status instead of handling the request (no work is done). */
  status?: number;
  /** Headers of that answer, e.g. `{ "retry-after": "1" }`. */
  headers?: Record<string, string>;
  /** Body of that answer (JSON); default: a documented error body for the status. A string is sent as it is. */
  body?: unknown;
  /**
   * `"reset"`: close the connection before any work is done and without an answer.
   * `"mid-body"`: do the work, send the status line, headers and half of the body, then close.
   */
  drop?: "reset" | "mid-body";
}

interface Armed {
  fault: Fault;
  left: number;
}

/** The faults waiting to be played, in the order they were injected. */
export class FaultList {
  #armed: Armed[] = [];

  add(fault: Fault): void {
    this.#armed.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#armed = [];
  }

  /** The first fault that matches, counting one use of it. */
  take(method: string, path: string): Fault | undefined {
    const armed = this.#armed.find(({ fault }) => matches(fault, method, path));
    if (armed === undefined) return undefined;
    if (--armed.left === 0) this.#armed.splice(this.#armed.indexOf(armed), 1);
    return armed.fault;
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === "string" ? path.startsWith(fault.path) : fault.path.test(path);
}
