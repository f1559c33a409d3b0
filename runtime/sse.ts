import { OxenError } from "./errors.js";

/** One Server-Sent Events message: its `event:` type ("message" when none) and its `data:` lines joined by "\n". */
export interface SseMessage {
  event: string;
  data: string;
}

/** The longest line, and the most data one event may gather, in characters: Oxen's events are well under 1 KiB. */
export const DEFAULT_MAX_EVENT_LENGTH = 1 << 20;

/** A line or an event went past the reader's limit: the stream is abandoned (and reopened by a subscription). */
export class SseLimitError extends OxenError {
  constructor(limit: number) {
    super(`the event stream sent a line or an event longer than ${limit} characters (maxEventLength)`);
  }
}

const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * An incremental Server-Sent Events parser, after the WHATWG rules: one leading U+FEFF is dropped;
 * lines end in CRLF, LF or CR (a CR may end one chunk and its LF start the next); `:` starts a
 * comment (keep-alives); several `data:` lines make one multi-line value; a blank line ends the
 * message; `id:` and `retry:` are ignored, as Oxen sends neither.
 *
 * Linear in the text pushed: each chunk is scanned once from where the last one ended, and the
 * pieces of a line split across chunks are joined once, when its end arrives. `work` counts the
 * characters scanned plus those copied into lines, so a test can check that nothing is rescanned.
 */
export class SseParser {
  /** Characters scanned for line ends plus characters copied to assemble lines. */
  work = 0;
  readonly #maxLength: number;
  /** The start of the current line, as it arrived in earlier chunks. */
  #pending: string[] = [];
  #pendingLength = 0;
  #event = "";
  #data: string[] = [];
  #dataLength = 0;
  #skipLf = false;
  #started = false;

  constructor(maxEventLength: number = DEFAULT_MAX_EVENT_LENGTH) {
    this.#maxLength = maxEventLength;
  }

  /** Feeds decoded text; returns the messages it completed. Throws SseLimitError past the limit. */
  push(text: string): SseMessage[] {
    const messages: SseMessage[] = [];
    let start = 0;
    if (!this.#started && text !== "") {
      this.#started = true;
      if (text.charCodeAt(0) === BOM) start = 1;
    }
    if (this.#skipLf && start < text.length) {
      this.#skipLf = false;
      if (text.charCodeAt(start) === LF) start++;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.#line(this.#take(text, start, i), messages);
      if (c === CR) {
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (i + 1 === text.length) this.#skipLf = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.work += text.length;
    if (start < text.length) {
      this.#pending.push(text.slice(start));
      this.#pendingLength += text.length - start;
      this.#check(this.#pendingLength);
    }
    return messages;
  }

  /** The line that ends at `end`: earlier pieces joined with this chunk's part. */
  #take(text: string, start: number, end: number): string {
    this.#check(this.#pendingLength + end - start);
    this.work += this.#pendingLength + end - start;
    if (this.#pending.length === 0) return text.slice(start, end);
    this.#pending.push(text.slice(start, end));
    const line = this.#pending.join("");
    this.#pending = [];
    this.#pendingLength = 0;
    return line;
  }

  #check(length: number): void {
    if (length > this.#maxLength) throw new SseLimitError(this.#maxLength);
  }

  #line(line: string, messages: SseMessage[]): void {
    if (line === "") {
      if (this.#data.length > 0) messages.push({ event: this.#event || "message", data: this.#data.join("\n") });
      this.#event = "";
      this.#data = [];
      this.#dataLength = 0;
      return;
    }
    if (line.charCodeAt(0) === 58 /* ":" */) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") {
      this.#dataLength += value.length + 1;
      this.#check(this.#dataLength);
      this.#data.push(value);
    }
  }
}

/**
 * The messages of an event-stream body, as they arrive. `onBytes` is told of every chunk (keep-alives
 * too). The decoder keeps a leading BOM, so that the parser drops exactly one, as the standard says.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, onBytes: () => void = () => {}, maxEventLength?: number): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const parser = new SseParser(maxEventLength);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes();
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
