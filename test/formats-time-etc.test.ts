// The date-time, date, time, duration, ipv6, regex, json-pointer, relative-json-pointer and
// uri-template formats, on examples from their RFCs and on what each RFC's grammar rules out.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dateFormat,
  formats,
  dateTimeFormat,
  durationFormat,
  ipv6Format,
  jsonPointerFormat,
  regexFormat,
  relativeJsonPointerFormat,
  timeFormat,
  uriTemplateFormat,
} from "../runtime/validator-support.js";

const require = createRequire(import.meta.url);
const fullFormats: Record<string, unknown> = require("ajv-formats/dist/formats").fullFormats;
/** ajv-formats' check of a format: a RegExp, a function, or an object with `validate`. */
const ajv = (name: string) => {
  const run = (f: unknown, s: string): boolean => (f instanceof RegExp ? f.test(s) : typeof f === "function" ? f(s) : run((f as { validate: unknown }).validate, s));
  return (s: string) => run(fullFormats[name], s);
};

const RUNS = { numRuns: 20000, seed: 20261130 };
const verdicts = (check: (s: string) => boolean, valid: string[], invalid: string[]) => {
  for (const s of valid) expect([s, check(s)]).toEqual([s, true]);
  for (const s of invalid) expect([s, check(s)]).toEqual([s, false]);
};

describe("date-time, date, time (RFC 3339 section 5.6)", () => {
  it("takes section 5.8's examples and rejects what 5.6 and 5.7 rule out", () => {
    verdicts(
      dateTimeFormat,
      // Section 5.8, then `t`/`z` in lower case (the note to 5.6) and leap seconds at 23:59:60 UTC.
      ["1985-04-12T23:20:50.52Z", "1996-12-19T16:39:57-08:00", "1990-12-31T23:59:60Z", "1990-12-31T15:59:60-08:00", "1937-01-01T12:00:27.87+00:20", "1985-04-12t23:20:50z", "2000-02-29T00:00:00Z"],
      // No offset, another separator, a non-leap February 29th, April 31st, a leap second that is not 23:59:60 UTC, hour 24.
      ["1985-04-12T23:20:50", "1985-04-12 23:20:50Z", "1985-04-12_23:20:50Z", "1900-02-29T00:00:00Z", "2001-04-31T00:00:00Z", "1990-12-31T23:59:60+01:00", "1985-04-12T24:00:00Z", "1985-04-12T23:20:50Z\n", "85-04-12T23:20:50Z"],
    );
    verdicts(dateFormat, ["1985-04-12", "2000-02-29", "2004-02-29", "0000-01-31", "9999-12-31"], ["1985-4-12", "1985-04-12T", "2100-02-29", "2001-02-29", "2001-06-31", "2001-00-10", "2001-13-10", "2001-01-00", "2001-01-32", "1985/04/12"]);
    verdicts(timeFormat, ["23:20:50.52Z", "16:39:57-08:00", "23:59:60Z", "00:29:60-23:30", "12:00:00+00:00", "12:00:00-00:00"], ["12:00:00", "12:00:00+0000", "12:00:00+24:00", "12:60:00Z", "12:00:61Z", "12:00:60Z", "12:00:00.Z"]);
  });

  it("takes a full-date exactly when the Date object holds the same day", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
      const pad = (n: number, width: number) => String(n).padStart(width, "0");
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      const real = month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      expect(dateFormat(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(real);
    }), RUNS);
  });
});

describe("duration (RFC 3339 Appendix A)", () => {
  it("takes each rule's forms in order, in either case (ABNF's quoted strings), and rejects the rest", () => {
    verdicts(
      durationFormat,
      ["P1Y", "P1Y2M", "P1Y2M3D", "P1M", "P1M2D", "P3D", "PT4H", "PT4H5M", "PT4H5M6S", "PT5M", "PT5M6S", "PT6S", "P1Y2M3DT4H5M6S", "P1DT1S", "P2W", "P0D", "p1d", "P1dt1h"],
      ["P", "PT", "P1YT", "P1Y2D", "PT1H2S", "P2D1Y", "P1W2D", "P1WT1H", "PT0.5S", "P1.5D", "-P1D", "P1D\n", "1D"],
    );
  });
});

describe("ipv6 (RFC 4291 section 2.2)", () => {
  it("takes section 2.2's three forms and rejects zone ids, prefixes, brackets and bad groups", () => {
    verdicts(
      ipv6Format,
      ["ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", "2001:DB8:0:0:8:800:200C:417A", "2001:DB8::8:800:200C:417A", "FF01::101", "::1", "::", "0:0:0:0:0:0:13.1.68.3", "::13.1.68.3", "::FFFF:129.144.52.38"],
      ["fe80::1%eth0", "2001:DB8::/32", "[::1]", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::FFFF:129.144.052.38", "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", ""],
    );
  });
});

describe("regex (ECMA-262, with the u flag as Ajv compiles pattern)", () => {
  it("takes what RegExp compiles with the u flag", () => {
    verdicts(regexFormat, ["^[a-z]+$", "(?<year>\\d{4})\\k<year>", "\\p{L}", "(?<=a)b", "[^]", ""], ["^(abc]", "\\a", "(?i)abc", "a{2,1}", "[z-a]", "\\p{Nope}"]);
  });
});

describe("json-pointer (RFC 6901) and relative-json-pointer (draft-handrews-relative-json-pointer-01)", () => {
  it("takes RFC 6901 section 5's pointers and the draft's examples", () => {
    // RFC 6901 section 5, in JSON string form.
    verdicts(jsonPointerFormat, ["", "/foo", "/foo/0", "/", "/a~1b", "/c%d", "/e^f", "/g|h", "/i\\j", "/k\"l", "/ ", "/m~0n"], ["foo", "/~", "/~2", "/a~", "#/foo", "0/foo"]);
    // The draft's section 5.1 examples, then a leading zero, a sign, "#" with a pointer after it.
    verdicts(relativeJsonPointerFormat, ["0", "1/0", "2/highly/nested/objects", "0#", "1#", "0/objects", "1/nickname", "10/a"], ["", "01", "-1/a", "+1/a", "0##", "1#/a", "/a", "0/~2", "1\n"]);
  });

  it("takes every pointer made of escaped tokens", () => {
    const token = fc.string().map((s) => s.replaceAll("~", "~0").replaceAll("/", "~1"));
    fc.assert(fc.property(fc.array(token), fc.nat(), (tokens, up) => {
      const pointer = tokens.map((t) => `/${t}`).join("");
      expect(jsonPointerFormat(pointer)).toBe(true);
      expect(relativeJsonPointerFormat(`${up}${pointer}`)).toBe(true);
    }), RUNS);
  });
});

describe("uri-template (RFC 6570)", () => {
  it("takes section 1.2's level 1-4 examples and rejects malformed expressions", () => {
    verdicts(
      uriTemplateFormat,
      [
        "",
        "http://example.com/~{username}/",
        "http://example.com/dictionary/{term:1}/{term}",
        "http://example.com/search{?q,lang}",
        "{var}",
        "{+path}/here",
        "here?ref={+path}",
        "X{#var}",
        "map?{x,y}",
        "{+x,hello,y}",
        "{.list*}",
        "{/var:1,var}",
        "{;keys*}",
        "{?x,y,empty}",
        "?fixed=yes{&x}",
        "{var:30}",
        "{%E2%82%AC}",
        "a😀b",
        "a%41b",
      ],
      ["{}", "{a,,b}", "{a,}", "{v:0}", "{v:01}", "{v:10000}", "{a..b}", "{=var}", "{!var}", "{|var}", "{var=def}", "{var", "var}", "a b", "a<b", "a\"b", "a%4", "{a b}", "{$a}"],
    );
  });
});

describe("against ajv-formats", () => {
  it("differs where the JSON-Schema-Test-Suite (and, for a lower-case duration, ABNF) says ajv-formats is wrong", () => {
    // [format, string, the RFC's verdict]; ajv-formats gives the other.
    const wrong: [string, string, boolean][] = [
      ["date-time", "1985-04-12T23:20:50+01", false], // an offset needs its minutes
      ["date-time", "2016-12-31T24:59:60+01:00", false], // hour 24
      ["duration", "P1Y2D", false], // dur-year's optional part is dur-month, not dur-day
      ["duration", "PT1H2S", false],
      ["duration", "p1dt1h", true], // ABNF's quoted strings match either case
      ["uri-template", "{a.b}", true], // a "." inside a varname
      ["uri-template", "a'b", true],
    ];
    for (const [name, s, valid] of wrong) expect([name, s, ajv(name)(s), formats[name]!(s)]).toEqual([name, s, !valid, valid]);
  });

  it("agrees on IPv6 addresses made of groups, colons and dotted quads", () => {
    const piece = fc.constantFrom("0", "1", "ff", "FFFF", "12345", "g", ":", "::", "1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4", ".", "%eth0", "/64", "[", "]", " ");
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
      const s = pieces.join("");
      expect(ipv6Format(s), s).toBe(ajv("ipv6")(s));
    }), RUNS);
  });
});
