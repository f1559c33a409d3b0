/**
 * An AbortController that aborts when `parent` does, with the parent's reason. `unlink()` stops
 * following, so a long-lived parent signal does not collect a listener per request.
 * (Written out rather than `AbortSignal.any`, which older browsers and edge runtimes lack.)
 */
export function follow(parent: AbortSignal | undefined): { controller: AbortController; unlink(): void } {
  const controller = new AbortController();
  if (parent === undefined) return { controller, unlink: () => {} };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, unlink: () => {} };
  }
  const onAbort = (): void => controller.abort(parent.reason);
  parent.addEventListener("abort", onAbort, { once: true });
  return { controller, unlink: () => parent.removeEventListener("abort", onAbort) };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
