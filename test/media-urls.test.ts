// Media parameters: URLs the server could never fetch are refused before sending, with how to fix
// it; what the API accepts (http(s) with a host, data: URIs) passes.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as generated from "../generated/all-models.js";
import { mediaParameters, mediaUrlProblem } from "../runtime/index.js";
import { runProcess, SCHEMAS, tempDir } from "./helpers.js";

const ID = "ltx-2-3-quality-audio-to-video";
const BIN = join(import.meta.dirname, "..", "bin", "oxen-contracts.js");
const HINT = "upload it: pass a File, or `--upload-to namespace/repo` on the command line";
const messages = (body: object, id: string = ID): string[] => {
  const result = generated.validate(id, body);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe("media URL check", () => {
  it.each([
    ["choir.mp3", `input_audio is a local file path ("choir.mp3"), which the server cannot read: ${HINT}`],
    ["./songs/choir.mp3", `input_audio is a local file path ("./songs/choir.mp3"), which the server cannot read: ${HINT}`],
    ["/home/me/choir.mp3", `input_audio is a local file path ("/home/me/choir.mp3"), which the server cannot read: ${HINT}`],
    ["C:\\music\\choir.mp3", `input_audio is a local file path ("C:\\\\music\\\\choir.mp3"), which the server cannot read: ${HINT}`],
    ["file:///home/me/choir.mp3", `input_audio is a file: URL ("file:///home/me/choir.mp3"), which the server cannot read: ${HINT}`],
    ["ftp://x/y.mp3", `input_audio must be an http(s) URL, not ftp: ("ftp://x/y.mp3"); host the file on http(s) or ${HINT}`],
    ["https://", 'input_audio is a URL without a host ("https://")'],
    ["https:///choir.mp3", 'input_audio is a URL without a host ("https:///choir.mp3")'],
    ["http://user@:80/a.mp3", 'input_audio is a URL without a host ("http://user@:80/a.mp3")'],
  ])("refuses %s with one message saying why and what to do", (value, message) => {
    expect(messages({ prompt: "p", input_audio: value })).toEqual([message]);
  });

  it.each([
    "https://example.com/choir.mp3",
    "http://127.0.0.1:8080/a.mp3",
    "https://hub.oxen.ai/api/repos/elau/assets/file/main/bloxy/bloxy_cropped_512x512.png",
    "data:audio/mpeg;base64,SUQzAwAAAAAA",
  ])("accepts %s", (value) => {
    expect(messages({ prompt: "p", input_audio: value })).toEqual([]);
  });

  it("checks every item of a list of media URLs, and leaves a wrong type to the type check", () => {
    const id = "bytedance-seedance-2-0-reference-to-video";
    expect(messages({ prompt: "p", input_images: ["https://example.com/a.png", "b.png"] }, id)).toEqual([`input_images[1] is a local file path ("b.png"), which the server cannot read: ${HINT}`]);
    expect(messages({ prompt: "p", input_images: "b.png" }, id)).toEqual(["input_images must be a list (got \"b.png\")"]);
  });

  it("finds the media parameters from the schema's renderType, strings and lists alike", () => {
    expect(generated.modelInfo[ID].media).toEqual(["input_audio", "input_image"]);
    expect(generated.modelInfo["bytedance-seedance-2-0-reference-to-video"].media).toEqual(["input_face_images", "input_images", "input_face_videos", "input_videos", "input_audios"]);
    expect(generated.modelInfo["ltx-2-3-pro-text-to-video"].media).toEqual([]);
    expect(mediaParameters({ properties: { a: { type: "string", renderType: "image-url" }, b: { type: "string", format: "uri" }, c: { type: "array", items: { renderType: "video-url" } } } })).toEqual(["a", "c"]);
    expect(mediaUrlProblem("data:no-comma")).toBe('is a data: URI without data ("data:no-comma")');
  });

  it("shows in `oxen-contracts validate`", async () => {
    const file = join(await tempDir(), "body.json");
    await writeFile(file, JSON.stringify({ model: ID, prompt: "a choir", input_audio: "choir.mp3" }));
    const run = await runProcess(process.execPath, [BIN, "validate", ID, file], { cwd: SCHEMAS });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`input_audio is a local file path ("choir.mp3"), which the server cannot read: ${HINT}\n`);
  });

  it("passes an http(s) URL only when the WHATWG URL parser reads it, however it was checked", () => {
    for (const value of ["http://xn--a/x", "http://1.2.3.999/x", "http://a.0x1/", "http://a.1/", "http://a:65536/", "http://a b.com/"]) {
      expect(mediaUrlProblem(value), value).toBe(`is not a valid URL (${JSON.stringify(value)})`);
    }
    for (const value of ["http://-.com/", "https://ab--c.example.com:8080/a b?c=<d>#e", "http://a.0x1g/", "HTTPS://EXAMPLE.COM"]) expect(mediaUrlProblem(value), value).toBeUndefined();
    // Pieces on both sides of each boundary of the quick path: labels that read as numbers or punycode, ports, what follows the host.
    const piece = fc.constantFrom("a", "example", "-", ".", "..", "xn--", "XN--", "0x", "1", "255", "999", ":", ":80", ":65536", "/", "?", "#", "@", "%41", "%", " ", "\\", "[::1]", "é", "_", "\t", "\u0000", "\ud800", "<\"{}|^`");
    fc.assert(fc.property(fc.constantFrom("http://", "https://", "HTTP://"), fc.array(piece, { maxLength: 8 }), (scheme, pieces) => {
      const value = scheme + pieces.join("");
      if (mediaUrlProblem(value) === undefined) expect(() => new URL(value), value).not.toThrow();
    }), { numRuns: 20000, seed: 20261130 });
  });
});

