import { AbortError, ConnectionError, OxenError } from "./errors.js";
import { nodeFs } from "./node-fs.js";
import type { Transport } from "./transport.js";

export interface DownloadProgress {
  receivedBytes: number;
  /** From `content-length`, when the server sends it. */
  totalBytes: number | undefined;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Time limit for the answer to start, in ms (the body may take longer). */
  timeoutMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadResult {
  bytes: number;
  contentType: string | undefined;
}

/**
 * Streams a result file to a path (Node only: written beside it as `<path>.partial`, then renamed, so
 * a failed download leaves no truncated file) or into a WritableStream (any runtime). The answer is
 * retried like any GET until its body starts; a body cut off midway is a ConnectionError.
 */
export async function download(transport: Transport, url: string, destination: string | WritableStream<Uint8Array>, options: DownloadOptions = {}): Promise<DownloadResult> {
  const response = await transport.stream({ method: "GET", path: url, accept: "*/*", signal: options.signal, timeoutMs: options.timeoutMs });
  const what = `download of ${new URL(transport.url(url)).pathname}`;
  if (response.body === null) throw new OxenError(`${what}: the answer has no body`);
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const totalBytes = Number.isFinite(length) ? length : undefined;
  let receivedBytes = 0;
  const reader = response.body.getReader();
  // Failures of the source become this package's errors; those of the destination stay as they are.
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (options.signal?.aborted) throw new AbortError(`${what} aborted`, { cause: error });
        throw new ConnectionError(`${what} failed after ${receivedBytes} bytes: ${(error as Error).message}`, { cause: error });
      }
      if (next.done) return controller.close();
      receivedBytes += next.value.byteLength;
      options.onProgress?.({ receivedBytes, totalBytes });
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  if (typeof destination === "string") await writeFile(counted, destination);
  else await counted.pipeTo(destination);
  return { bytes: receivedBytes, contentType: response.headers.get("content-type") ?? undefined };
}

/** Node only: `node:fs` is loaded on this branch alone, so the module still loads in browsers. */
async function writeFile(body: ReadableStream<Uint8Array>, path: string): Promise<void> {
  const fs = await nodeFs();
  const partial = `${path}.partial`;
  const file = await fs.open(partial, "w");
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) await file.write(chunk);
    await file.close();
    await fs.rename(partial, path);
  } catch (error) {
    await file.close().catch(() => {});
    await fs.rm(partial, { force: true });
    throw error;
  }
}
