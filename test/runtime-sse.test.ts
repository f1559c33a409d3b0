import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { completionEvent } from "../runtime/events.js";
import { readSse, SseLimitError, SseParser, type SseMessage } from "../runtime/sse.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";

interface Vectors<Case> {
  cases: Case[];
}
const fixture = <Case>(name: string): Vectors<Case> => JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name, "cases.json"), "utf8")) as Vectors<Case>;
/** eventsource-parser's fixtures: the chunks each fixture feeds, and the events that parser emits. */
const PARSER_VECTORS = fixture<{ name: string; chunks: string[]; events: SseMessage[] }>("eventsource-parser");
/** web-platform-tests `eventsource/format-*`: the body the server script sends, and the events the test expects. */
const WPT_VECTORS = fixture<{ name: string; stream: string; events: SseMessage[] }>("wpt-eventsource");
/** Cases this short are also cut at every point. */
const SHORT = 1200;

/** The messages `readSse` yields for a body delivered in these byte chunks. */
async function readChunks(chunks: Uint8Array[], maxEventLength?: number): Promise<SseMessage[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  const messages: SseMessage[] = [];
  for await (const m of readSse(body, () => {}, maxEventLength)) messages.push(m);
  return messages;
}

/** Feeds `chunks` to a fresh parser, as a network would split them. */
function parse(chunks: string[]): SseMessage[] {
  const parser = new SseParser();
  return chunks.flatMap((c) => parser.push(c));
}

/** Every way of cutting `text` in two. */
function splits(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

describe("SseParser", () => {
  const STREAM = ': keep-alive\n\nevent: media_generation_completed\ndata: {"a":1}\n\nevent: other\ndata: line one\ndata: line two\n\ndata: untyped\n\n';
  const EXPECTED = [
    { event: "media_generation_completed", data: '{"a":1}' },
    { event: "other", data: "line one\nline two" },
    { event: "message", data: "untyped" },
  ];

  it("reads typed, multi-line and untyped messages and skips comments", () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it("gives the same messages however the stream is cut, with LF, CRLF or CR line ends", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = STREAM.replace(/\n/g, eol);
      for (const chunks of splits(text)) expect(parse(chunks), JSON.stringify({ eol, chunks })).toEqual(EXPECTED);
      expect(parse([...text])).toEqual(EXPECTED);
    }
  });

  it("holds a message back until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push("event: x\ndata: 1\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "x", data: "1" }]);
  });

  it("follows the field rules: one optional space, no colon, empty data, BOM, unknown fields", () => {
    expect(parse(["\uFEFFdata:no-space\ndata:  two spaces\nid: 7\nretry: 10\nfoo: bar\n\n"])).toEqual([{ event: "message", data: "no-space\n two spaces" }]);
    expect(parse(["data\ndata\n\n"])).toEqual([{ event: "message", data: "\n" }]);
    // An event with no data is not dispatched, and its type does not leak into the next one.
    expect(parse(["event: lonely\n\ndata: x\n\n"])).toEqual([{ event: "message", data: "x" }]);
  });

  it("treats a CR ending one chunk and an LF starting the next as one line end", () => {
    // "\r" then "\n" is one line end; "\r", "", "\n" still is; "\r", "x\n" is two.
    expect(parse(["data: a\r", "\n", "\n"])).toEqual([{ event: "message", data: "a" }]);
    expect(parse(["data: a\r", "", "\n\n"])).toEqual([{ event: "message", data: "a" }]);
    expect(parse(["data: a\r", "data: b\n\n"])).toEqual([{ event: "message", data: "a\nb" }]);
  });
});

describe("public conformance vectors", () => {
  it("has the vendored cases", () => {
    expect(PARSER_VECTORS.cases.length).toBeGreaterThan(20);
    expect(WPT_VECTORS.cases.length).toBeGreaterThan(12);
  });

  // eventsource-parser also strips a leading "\u00EF\u00BB\u00BF" (a BOM's bytes read as Latin-1);
  // the standard drops only U+FEFF, after UTF-8 decoding, and readSse always decodes UTF-8 itself.
  const LATIN1_BOM = new Set(["leading-bom", "multi-bom"]);

  for (const { name, chunks, events } of PARSER_VECTORS.cases) {
    it(`eventsource-parser ${name}: as sent, whole, one character and one UTF-8 byte at a time${chunks.join("").length <= SHORT ? ", cut at every point" : ""}`, async () => {
      const text = chunks.join("");
      const expected = LATIN1_BOM.has(name) ? events.slice(1) : events;
      expect(parse(chunks)).toEqual(expected);
      expect(parse([text])).toEqual(expected);
      expect(parse([...text])).toEqual(expected);
      expect(await readChunks([...new TextEncoder().encode(text)].map((b) => Uint8Array.of(b)))).toEqual(expected);
      if (text.length <= SHORT) for (const cut of splits(text)) expect(parse(cut), JSON.stringify(cut)).toEqual(expected);
    });
  }

  for (const { name, stream, events } of WPT_VECTORS.cases) {
    it(`wpt ${name}: UTF-8 bytes whole, one byte at a time${stream.length <= SHORT ? ", cut at every point" : ""}`, async () => {
      const bytes = new TextEncoder().encode(stream);
      expect(await readChunks([bytes])).toEqual(events);
      expect(await readChunks([...bytes].map((b) => Uint8Array.of(b)))).toEqual(events);
      if (bytes.length <= SHORT) for (let i = 0; i <= bytes.length; i++) expect(await readChunks([bytes.subarray(0, i), bytes.subarray(i)]), `cut at ${i}`).toEqual(events);
    });
  }
});

describe("SseParser work and limits", () => {
  it("never rescans: a 4 MiB line in 1 KiB chunks costs one scan and one copy of it", () => {
    const parser = new SseParser(8 << 20);
    const chunk = "x".repeat(1024);
    let messages = parser.push("data: ");
    for (let i = 0; i < 4096; i++) messages = messages.concat(parser.push(chunk));
    messages = messages.concat(parser.push("\n\n"));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.data).toHaveLength(4 << 20);
    const input = 6 + (4 << 20) + 2;
    // Scanning every character once and copying the line once: 2 × the input. Rescanning the
    // unterminated line at each chunk, as before, would be about 4096 / 2 times the input.
    expect(parser.work).toBeLessThanOrEqual(2 * input);
  });

  it("stays linear when every character is its own chunk, CRLFs split included", () => {
    const text = "event: a\r\ndata: ".concat("y".repeat(5000), "\r\n\r\n");
    const parser = new SseParser();
    const messages = [...text].flatMap((c) => parser.push(c));
    expect(messages).toEqual([{ event: "a", data: "y".repeat(5000) }]);
    expect(parser.work).toBeLessThanOrEqual(2 * text.length);
  });

  it("refuses a line or an event longer than the limit, naming it", () => {
    const long = new SseParser(100);
    long.push("data: ".concat("z".repeat(90)));
    expect(() => long.push("z".repeat(20))).toThrow(SseLimitError);
    expect(() => new SseParser(100).push(`: ${"c".repeat(120)}\n`)).toThrow(/longer than 100 characters \(maxEventLength\)/);
    // Many short data lines that add up past the limit: the event is what is bounded.
    expect(() => new SseParser(100).push("data: 0123456789\n".repeat(12))).toThrow(SseLimitError);
    expect(new SseParser(100).push("data: 0123456789\n".repeat(5).concat("\n"))).toHaveLength(1);
  });
});

describe("readSse", () => {
  it("drops one byte-order mark, not two (the decoder keeps it for the parser)", async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(await readChunks([bytes("\uFEFFdata: 1\n\n")])).toEqual([{ event: "message", data: "1" }]);
    // A second BOM belongs to the first field name, which is then unknown: no event "1".
    expect(await readChunks([bytes("\uFEFF\uFEFFdata: 1\n\ndata: 2\n\n")])).toEqual([{ event: "message", data: "2" }]);
  });

  it("ends with SseLimitError when a line exceeds maxEventLength", async () => {
    const error = await failure(readChunks([new TextEncoder().encode(`data: ${"q".repeat(2000)}\n\n`)], 1000));
    expect(error).toBeInstanceOf(SseLimitError);
  });

  it("decodes UTF-8 split across chunks and reports every chunk", async () => {
    const bytes = new TextEncoder().encode("data: héllo ✓\n\n");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(Uint8Array.of(b));
        controller.close();
      },
    });
    let chunks = 0;
    const messages: SseMessage[] = [];
    for await (const m of readSse(body, () => chunks++)) messages.push(m);
    expect(messages).toEqual([{ event: "message", data: "héllo ✓" }]);
    expect(chunks).toBe(bytes.length);
  });
});

describe("completionEvent", () => {
  it("maps the event's names to the queue row's", () => {
    expect(completionEvent('{"generation_id":"g","status":"succeeded","media_type":"video","model":"m","url":"https://x/y.mp4"}')).toEqual({
      generation_id: "g",
      status: "succeeded",
      media_type: "video",
      model_name: "m",
      result_url: "https://x/y.mp4",
    });
    expect(completionEvent('{"generation_id":"g","status":"failed","error":"bad audio"}')).toEqual({ generation_id: "g", status: "failed", error_message: "bad audio" });
  });

  it("takes the row's names too, and rejects what is not a completion", () => {
    expect(completionEvent('{"generation_id":"g","status":"failed","error_message":"e","model_name":"m"}')).toEqual({ generation_id: "g", status: "failed", error_message: "e", model_name: "m" });
    for (const data of ["not json", "null", "[]", '{"status":"succeeded"}', '{"generation_id":"g","status":"cancelled"}']) expect(completionEvent(data), data).toBeUndefined();
  });
});

describe("an over-long event on /api/events", () => {

  it("drops the connection with a line naming the limit, reconnects, and delivers the next completion", async () => {
    const server = await serverForTest({ timings: { keepAliveMs: 1000 } });
    const lines: string[] = [];
    const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, maxEventLength: 1000, reconnectBackoff: { initialMs: 10, maxMs: 20 }, logger: (l) => lines.push(l) });
    const subscription = oxen.events.subscribe();
    await subscription.ready;
    server.sendEvent("media_generation_completed", JSON.stringify({ generation_id: "big", status: "succeeded", url: "x".repeat(5000) }));
    const deadline = Date.now() + 5000;
    while (server.eventConnections < 2 || server.openEventStreams < 1) {
      if (Date.now() > deadline) throw new Error("no reconnection");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    server.sendEvent("media_generation_completed", JSON.stringify({ generation_id: "small", status: "succeeded" }));
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ generation_id: "small" });
    subscription.close();
    expect(lines.some((l) => l.includes("longer than 1000 characters (maxEventLength); reconnecting"))).toBe(true);
  });
});
