import { describe, expect, it } from "vitest";
import { completionEvent } from "../runtime/events.js";
import { readSse, SseParser, type SseMessage } from "../runtime/sse.js";

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

describe("readSse", () => {
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
