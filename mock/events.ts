import type { ServerResponse } from "node:http";

/**
 * The per-user Server-Sent Events stream of `/api/events`: no replay, no event ids, a keep-alive
 * comment when idle, and event types other than completions mixed in.
 */
export class EventHub {
  readonly #streams = new Set<ServerResponse>();
  /** Streams opened since the server started. */
  connections = 0;

  constructor(
    readonly keepAliveMs: number,
    /** "\n" or "\r\n": both are valid SSE and a reader must take either. */
    readonly lineEnding: string,
  ) {}

  get open(): number {
    return this.#streams.size;
  }

  attach(res: ServerResponse, headers: Record<string, string>): void {
    this.connections++;
    res.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.socket?.setNoDelay(true);
    this.#streams.add(res);
    // Something unrelated first, as the real stream carries other event types for the same user.
    this.#write(res, `: connected${this.lineEnding}${this.#format("notification", '{"kind":"welcome",\n"text":"hello"}')}`);
    const keepAlive = setInterval(() => this.#write(res, `: keep-alive${this.lineEnding}${this.lineEnding}`), this.keepAliveMs);
    res.on("close", () => {
      clearInterval(keepAlive);
      this.#streams.delete(res);
    });
  }

  /** Sends one event to every open stream (and to nobody who connects later). */
  send(event: string, data: string): void {
    const text = this.#format(event, data);
    for (const res of this.#streams) this.#write(res, text);
  }

  /** Cuts every open stream without a proper end, as a redeploy or a network drop does. */
  dropAll(): void {
    for (const res of this.#streams) res.socket?.destroy();
  }

  closeAll(): void {
    for (const res of this.#streams) res.end();
  }

  #format(event: string, data: string): string {
    const eol = this.lineEnding;
    return `event: ${event}${eol}${data
      .split("\n")
      .map((line) => `data: ${line}${eol}`)
      .join("")}${eol}`;
  }

  #write(res: ServerResponse, text: string): void {
    if (!res.writableEnded && !res.destroyed) res.write(text);
  }
}
