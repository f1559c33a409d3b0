/** One Server-Sent Events message: its `event:` type ("message" when none) and its `data:` lines joined by "\n". */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * An incremental Server-Sent Events parser, after the WHATWG rules: lines end in CRLF, LF or CR (a CR
 * may end one chunk and its LF start the next); `:` starts a comment (keep-alives); several `data:`
 * lines make one multi-line value; a blank line ends the message; `id:` and `retry:` are ignored,
 * as Oxen sends neither.
 */
export class SseParser {
  #rest = "";
  #event = "";
  #data: string[] = [];
  #skipLf = false;
  #started = false;

  /** Feeds decoded text; returns the messages it completed. */
  push(text: string): SseMessage[] {
    if (!this.#started && text !== "") {
      this.#started = true;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    if (this.#skipLf && text !== "") {
      this.#skipLf = false;
      if (text.startsWith("\n")) text = text.slice(1);
    }
    const buffer = this.#rest + text;
    const messages: SseMessage[] = [];
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = eol.exec(buffer); m !== null; m = eol.exec(buffer)) {
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (m[0] === "\r" && m.index === buffer.length - 1) this.#skipLf = true;
      this.#line(buffer.slice(start, m.index), messages);
      start = m.index + m[0].length;
    }
    this.#rest = buffer.slice(start);
    return messages;
  }

  #line(line: string, messages: SseMessage[]): void {
    if (line === "") {
      if (this.#data.length > 0) messages.push({ event: this.#event || "message", data: this.#data.join("\n") });
      this.#event = "";
      this.#data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
  }
}

/** The messages of an event-stream body, as they arrive. `onBytes` is told of every chunk (keep-alives too). */
export async function* readSse(body: ReadableStream<Uint8Array>, onBytes: () => void = () => {}): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
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
