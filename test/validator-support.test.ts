// runtime/validator-support.js stands in for Ajv's CommonJS runtime helpers in generated
// validators; it must behave as the originals do.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equal, formats, isCheckedHttpUri, ucs2length, uriExpressions } from "../runtime/validator-support.js";

// Ajv's originals are CommonJS; require loads them the same way under Node and vitest.
const require = createRequire(import.meta.url);
const ajvLength: (s: string) => number = require("ajv/dist/runtime/ucs2length").default;
const ajvEqual: (a: unknown, b: unknown) => boolean = require("ajv/dist/runtime/equal").default;
const fullFormats: Record<string, unknown> = require("ajv-formats/dist/formats").fullFormats;

const strings = ["", "a", "héllo", "😀", "a😀b", "\ud83d", "\udc00x", "\u{1F468}\u200d\u{1F469}"];
const values: unknown[] = [null, 0, 1, -0, "1", true, [], [1, 2], [2, 1], {}, { a: 1 }, { a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, { a: undefined }, { b: 1 }];
const uris = ["https://example.com/a.mp3", "http://a.b/c?d=e#f", "urn:isbn:0451450523", "not a uri", "example.com/x", "/relative", "https://exa mple.com", "mailto:a@b.c", "ftp://[::1]/x", ""];

describe("validator support", () => {
  it("counts string length in code points as Ajv does", () => {
    for (const s of strings) expect(ucs2length(s), JSON.stringify(s)).toBe(ajvLength(s));
  });

  it("compares JSON values as Ajv does", () => {
    for (const a of values) for (const b of values) expect(equal(a, b), `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`).toBe(ajvEqual(a, b));
  });

  it("gives ajv-formats' verdict on strings where the RFCs agree with it", () => {
    for (const [name, check] of Object.entries(formats)) {
      const original = fullFormats[name];
      if (original === undefined) continue; // iri, iri-reference, idn-hostname, idn-email: ajv-formats has none (test/formats-iri-idn.test.ts)
      // An ajv-formats format is a RegExp, a function, or an object with `validate` (date-time, date, time).
      const run = (f: unknown, s: string): boolean => (f instanceof RegExp ? f.test(s) : typeof f === "function" ? f(s) : run((f as { validate: unknown }).validate, s));
      for (const s of [...uris, "a@b.co", "550e8400-e29b-41d4-a716-446655440000", "127.0.0.1", "host-name.example"]) {
        expect(run(check, s), `${name}: ${s}`).toBe(run(original, s));
      }
    }
  });

  it("differs from ajv-formats on URIs and URI references only where RFC 3986 says ajv-formats is wrong", () => {
    // Pieces that sit on both sides of each boundary of the quick path: scheme, authority, port, path, query, fragment.
    const piece = fc.constantFrom("http", "https", "HTTP", "a+b.c-d", "1x", ":", "//", "/", "///", "?", "#", "@", "[", "]", "::1", "v1.x", "%20", "%2", "%zz", "example", ".com", "xn--", "-", "_", "~", "!$&'()*+,;=", "80", "99999", " ", "\"", "<", "\\", "é", "\n", "");
    const ajvUri = fullFormats.uri as (s: string) => boolean;
    const ajvUriReference = fullFormats["uri-reference"] as RegExp;
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
      const s = pieces.join("");
      // ajv-formats leaves out a URI's empty hier-part (path-empty: `a:`, `a:?q`).
      if (formats.uri!(s)) expect(ajvUri(s) || /^[a-z][a-z0-9+\-.]*:(?:[?#]|$)/i.test(s), s).toBe(true);
      if (formats["uri-reference"]!(s)) expect(ajvUriReference.test(s), s).toBe(true);
    }), { numRuns: 20000, seed: 20261130 });
    // The JSON-Schema-Test-Suite's cases where ajv-formats' expressions are wrong, and path-empty (test/uri-format.test.ts holds both formats to the RFC's grammar).
    for (const s of ["a:", "a:?q", "urn:#f"]) expect([s, ajvUri(s), formats.uri!(s)]).toEqual([s, false, true]);
    for (const s of ["http://example.com:abc/path", "http://[::ffff:01.2.3.4]", "http:/[::1]"]) expect([s, ajvUri(s), formats.uri!(s)]).toEqual([s, true, false]);
    for (const s of ['/a"b', "/[::1]", "//example.com:abc/p", "//a@b@example.com/", "//[::ffff:192.168.0.01]/p", "1:b"]) expect([s, ajvUriReference.test(s), formats["uri-reference"]!(s)]).toEqual([s, true, false]);
  });

  it("remembers as a plain http(s) URL, for the media check, only a URI the WHATWG parser reads with a host", () => {
    // Pieces on both sides of each boundary of the plain http(s) shape: scheme, labels, punycode, numbers, port, path, query, fragment.
    const piece = fc.constantFrom("a", "example", "-", ".", "..", "xn--", "XN--", "0x", "1", "255", "999", ":", ":80", ":65536", "/", "?", "#", "@", "%41", "%", " ", "\\", "[::1]", "é", "ſ", "\u212a", "_", "~", "!$&'()*+,;=", "\t", "<\"{}|^`");
    fc.assert(fc.property(fc.constantFrom("http://", "https://", "HTTP://", "hTtPs://", "ftp://", "http:/", ""), fc.array(piece, { maxLength: 8 }), (scheme, pieces) => {
      const value = scheme + pieces.join("");
      formats.uri!(value);
      if (!isCheckedHttpUri(value)) return;
      expect(uriExpressions().URI.test(value), value).toBe(true);
      expect(new URL(value).host, value).not.toBe("");
    }), { numRuns: 20000, seed: 20261130 });
    formats.uri!("https://example.com/a.png");
    expect(isCheckedHttpUri("https://example.com/a.png")).toBe(true);
    expect(isCheckedHttpUri("")).toBe(false);
  });
});

