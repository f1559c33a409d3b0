// The iri, iri-reference, idn-hostname and idn-email formats as their RFCs define them: RFC 3987 IRIs,
// IDNA2008 host names (RFC 5890 to 5893, runtime/idna.js) and RFC 6531 mailboxes, with the
// JSON-Schema-Test-Suite's readings where it has one (label separators, an email domain that is not NFC).
import punycode from "node:punycode";
import { build } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePunycode, encodePunycode, meetsBidiRule } from "../runtime/idna.js";
import { emailFormat, hostnameFormat, idnEmailFormat, idnHostnameFormat, iriFormat, iriReferenceFormat, uriExpressions } from "../runtime/validator-support.js";

const joined = (pieces: string[], maxLength = 10) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(""));
const RUNS = { numRuns: 20000, seed: 20261130 };
const ROOT = new URL("..", import.meta.url).pathname;

describe("iri", () => {
  it.each([
    "http://r\u00E9sum\u00E9.example.org", // RFC 3987 section 3.2
    "http://www.example.org/D\u00FCrst",
    "http://www.example.org/red%09ros\u00E9#red", // section 3.1's examples
    "http://\u7D0D\u8C46.example.org/%E2%80%AE",
    "http://user\u00E9:pw@[2001:db8::1]:8080/\u03C0?\u03C0=1#\u03C0",
    "urn:example:\u00E9",
    "mailto:\u00E9@example.com",
    "http://\u017F.example/\u212A", // ſ and the Kelvin sign are ucschar (but not ALPHA)
    "http://example.com/\u00A0\uD7FF\uF900\uFDCF\uFDF0\uFFEF",
    "http://example.com/\u{10000}\u{1FFFD}\u{E1000}\u{EFFFD}", // past U+FFFF
    "http://example.com/?\uE000\u{F0000}\u{10FFFD}", // iprivate, in the query only
    "http://example.com/\u200D\u2010\u2029\u202F", // beside the bidirectional formatting characters
  ])("takes %j", (s) => {
    expect(iriFormat(s)).toBe(true);
    expect(iriReferenceFormat(s)).toBe(true);
  });

  it.each([
    "http://example.com/\uE000", // iprivate outside the query
    "http://example.com/#\uE000",
    "http://example.com/?\u{F0000}#\u{F0000}",
    "http://example.com/\uFDD0", // noncharacters
    "http://example.com/\uFFFE",
    "http://example.com/\u{1FFFE}",
    "http://example.com/?\u{10FFFF}",
    "http://example.com/\u{E0001}", // U+E0000 to U+E0FFF are not ucschar
    "http://example.com/\uD800", // lone surrogates
    "http://example.com/\uDC00x",
    "http://example.com/\u0085", // a C1 control
    "http://example.com/\u202E", // RIGHT-TO-LEFT OVERRIDE (section 4.1)
    "http://example.com/?\u200E",
    "http://example.com/a b",
    "\u017Fttp://example.com", // the scheme is ASCII
    "h\u00E9://example.com",
    "http://[\u00E9::1]/", // so are IP literals and the port
    "http://example.com:8\u0668/",
    "http://example.com/%zz",
    "/\u00E9", // relative
    "http://example.com/\u00E9\n",
  ])("refuses %j", (s) => expect(iriFormat(s)).toBe(false));

  it.each(["//\u00E9xample.org/p", "\u00E2\u03C0\u03C0", "/\u00E2\u03C0\u03C0", "#\u0192r\u00E4gm\u00EAnt", "?\uE000", "", "./\u00E9:x"])("takes the IRI reference %j", (s) => expect(iriReferenceFormat(s)).toBe(true));
  it.each(["\u00E9:x", "#\uE000", "\u00E9 x", "#\u0192r\u00E4g\\m\u00EAnt", "//[\u00E9]"])("refuses the IRI reference %j", (s) => expect(iriReferenceFormat(s)).toBe(false));

  const ASCII_PIECES = ["http", "a+b.c-d", "1x", ":", "//", "/", "?", "#", "@", "[", "]", "::1", "v1.x", "%20", "%2", "example", ".com", "-", "_", "~", "!$&'()*+,;=", "80", " ", "\\", "\n"];
  const UCSCHARS = ["\u00E9", "\u03C0", "\u00A0", "\uD7FF", "\uF900", "\uFDCF", "\uFDF0", "\uFFEF", "\u{10000}", "\u{1FFFD}", "\u{E1000}", "\u{EFFFD}", "\u017F", "\u212A"];
  const OTHERS = ["\uE000", "\u{F0000}", "\u{10FFFD}", "\uFFFE", "\u{1FFFF}", "\u{E0000}", "\u202E", "\u200F", "\u0085", "\uFDD0"];
  /** RFC 3987 section 3.1: an IRI's URI, each non-ASCII character percent-encoded as UTF-8. */
  const toUri = (s: string) => s.replace(/[^\0-\x7F]/gu, encodeURIComponent);
  const { URI, URI_REFERENCE } = uriExpressions();

  it("is a URI on ASCII strings", () => {
    fc.assert(fc.property(joined(ASCII_PIECES), (s) => {
      expect(iriFormat(s), s).toBe(URI.test(s));
      expect(iriReferenceFormat(s), s).toBe(URI_REFERENCE.test(s));
    }), RUNS);
  });

  it("is what maps to a URI (section 3.1) where every non-ASCII character is a ucschar, and maps to one otherwise", () => {
    fc.assert(fc.property(joined([...ASCII_PIECES, ...UCSCHARS]), (s) => {
      expect(iriFormat(s), s).toBe(URI.test(toUri(s)));
      expect(iriReferenceFormat(s), s).toBe(URI_REFERENCE.test(toUri(s)));
    }), RUNS);
    fc.assert(fc.property(joined([...ASCII_PIECES, ...UCSCHARS, ...OTHERS]), (s) => {
      if (iriFormat(s)) expect(URI.test(toUri(s)), s).toBe(true);
      if (iriReferenceFormat(s)) expect(URI_REFERENCE.test(toUri(s)), s).toBe(true);
    }), RUNS);
  });
});

describe("Punycode encoder", () => {
  it("encodes as node:punycode does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
      expect(encodePunycode(s)).toBe(punycode.encode(s));
    }), RUNS);
  });

  it("gives back, but for case, whatever the decoder takes (so an A-label needs no second encoding, RFC 5891 section 5.4)", () => {
    const back = (s: string) => {
      const u = decodePunycode(s);
      if (u !== null) expect(encodePunycode(u).toLowerCase(), s).toBe(s.toLowerCase());
    };
    fc.assert(fc.property(joined([..."abxyz019-AZ", "kva", "bcher-", "99", "a-"], 12), back), RUNS);
    fc.assert(fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 8 }), fc.nat(20), fc.constantFrom(..."abz09-"), (u, at, c) => {
      const s = encodePunycode(u);
      back(s.slice(0, at) + c + s.slice(at + 1));
    }), RUNS);
  });
});

describe("idn-hostname", () => {
  it.each([
    "b\u00FCcher.example",
    "xn--bcher-kva.example",
    "XN--bcher-KVA.example", // the prefix and the digits in either case
    "\u4F8B\u3048.\u30C6\u30B9\u30C8",
    "\u03C0\u03B1\u03C1\u03AC\u03B4\u03B5\u03B9\u03B3\u03BC\u03B1.\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE",
    "\u0645\u062B\u0627\u0644.\u0625\u062E\u062A\u0628\u0627\u0631", // right-to-left labels
    "example.\u0645\u062B\u0627\u0644", // an LTR label in a Bidi domain name
    "a0.\u05D0\u05D1",
    "\u05D01", // R, then EN at the end
    "\u0627\u0661", // AL, AN
    "\u0627\u064E", // AL, NSM at the end
    "\u05D0-\u05D1",
    "a\u3002b\uFF0Ec\uFF61d", // RFC 3490's separators
    "l\u00B7l",
    "3com.com",
    `${"a".repeat(63)}.${"a".repeat(63)}.${"a".repeat(63)}.${"a".repeat(61)}`,
    "\u00FC".repeat(57), // xn-- and 59 characters of Punycode
  ])("takes %j", (s) => expect(idnHostnameFormat(s)).toBe(true));

  it.each([
    ["B\u00FCcher.example", "upper case is DISALLOWED"],
    ["bu\u0308cher.example", "not NFC"],
    ["\u2603.example", "a symbol"],
    ["\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45", "fullwidth letters change under NFKC"],
    ["\u00FC".repeat(58), "its A-label is 64 octets"],
    ["XN--BCHER-KVA", "B\u00FCCHER: upper case"],
    [Array(5).fill("\u00FC".repeat(45)).join("."), "229 characters, 259 octets as A-labels"],
    ["0a.\u05D0", "a Bidi domain name's label starts with a digit"],
    ["1.\u0645\u062B\u0627\u0644", "so does this one"],
    ["a\u05D0", "an LTR label with an R character"],
    ["\u05D0a", "an RTL label with an L character"],
    ["\u05D01\u0660", "an RTL label with EN and AN"],
    ["\u0661\u0627", "an RTL label that starts with AN"],
    ["\u05D0\u00B7\u05D0", "MIDDLE DOT not between two l"],
    ["xn--0ca24w", "an A-label that breaks the Bidi rule (\u00E0\u05D0)"],
    ["xn--bcher-kva.exa_mple", "an underscore"],
    ["\u00FC-", "a hyphen last"],
    ["ab--\u00FC", "hyphens in the third and fourth places"],
    ["\u00FC\u3002", "a final separator"],
    ["a..b", "an empty label"],
    ["", "no label"],
  ])("refuses %j (%s)", (s) => expect(idnHostnameFormat(s)).toBe(false));

  it("gives a name's U-labels the verdict hostname gives their A-labels (node:punycode's)", () => {
    const toAscii = (s: string) => s.split(/[.\u3002\uFF0E\uFF61]/).map((label) => (/[^\0-\x7F]/.test(label) ? `xn--${punycode.encode(label)}` : label)).join(".");
    const piece = ["a", "b", "l", "0", "1", "-", ".", "\u3002", "\u00FC", "\u00E9", "e\u0301", "\u0301", "\u00DC", "\u2603", "\u05D0", "\u0627", "\u0660", "\u06F0", "\u00B7", "\u200C", "\u094D", "\u0915", "\u30FB", "\u3042", "\uD800", "xn--"];
    fc.assert(fc.property(joined(piece), (s) => {
      expect(idnHostnameFormat(s), s).toBe(hostnameFormat(toAscii(s)));
    }), RUNS);
  });

  it("answers promptly on long names", () => {
    for (const s of ["\u00FC".repeat(100_000), `${"\u00FC.".repeat(200)}a`, "\u05D0".repeat(250)]) expect(idnHostnameFormat(s)).toBe(false);
  });
});

describe("the Bidi rule (RFC 5893 section 2)", () => {
  it.each([
    [["example", "com"], true],
    [["0a", "1"], true], // no RTL label: no Bidi domain name
    [["\u05D0\u05D1", "a0", "a-b"], true],
    [["\u05D0\u0300"], true], // NSM after the last R
    [["a\u0300"], true],
    [["\u0627\u200C\u0628"], true], // BN inside
    [["\u05D0", "0a"], false],
    [["\u05D0", "a\u05D0"], false],
    [["\u05D01a"], false],
    [["\u0627\u0661\u06F1"], false],
    [["\u05D0\u00B7"], false], // ON last
    [["\u0300\u05D0"], false],
  ])("holds of %j: %s", (labels, holds) => expect(meetsBidiRule(labels)).toBe(holds));
});

describe("idn-email", () => {
  it.each([
    "\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE@\u03C0\u03B1\u03C1\u03AC\u03B4\u03B5\u03B9\u03B3\u03BC\u03B1.\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE",
    "\u7528\u6237@\u4F8B\u5B50.\u5E7F\u544A",
    "\u0905\u091C\u092F@\u0921\u093E\u091F\u093E.\u092D\u093E\u0930\u0924",
    '"\u03B4\u03BF\u03BA\u03B9\u03BC\u03AE \u03C3"@example.com', // qtextSMTP
    "\u00FC\u00F1\u00EE\u00E7\u00F8\u00F0\u00E9@\u00FC\u00F1\u00EE\u00E7\u00F8\u00F0\u00E9.com",
    "a@xn--bcher-kva.example",
    "user@cafe\u0301.com", // its NFC form is a U-label
    "\u{1D54F}@example.com",
    "a@[192.0.2.1]",
    "\u00E9@[IPv6:2001:db8::192.0.2.1]",
    '"a@b"@\u00FC.example',
  ])("takes %j", (s) => expect(idnEmailFormat(s)).toBe(true));

  it.each([
    "user\uFF20example.com",
    "a@B\u00FCcher.example",
    "a@\u2603.example",
    "a@0a.\u05D0",
    "a@example\u3002com", // sub-domains are parted by "." alone
    "a@\u00FC-.example",
    "\uD800@example.com",
    "a\uDC00@example.com",
    "\u00E9..a@example.com",
    '"\u00E9"\u00E9"@example.com',
    '"\u00E9\\\u00E9"@example.com', // quoted-pairSMTP is ASCII
    "\u00E9@",
    "@\u00FC.example",
    "a@[IPv6:1::2::3]",
    "a@[\u00FC]",
    "a@\u00FC .example",
    "a@\u00FC.example\n",
  ])("refuses %j", (s) => expect(idnEmailFormat(s)).toBe(false));

  it("takes a non-ASCII code point where email takes a letter of the local part", () => {
    const piece = ["a", ".", "..", '"', " ", "@", "\u00E9", "\u03C0", "\u{1D54F}", "\u0085", "\uFFFF", "\uD800", "\uDFFF"];
    // UTF8-non-ascii stands where a letter would (atext, qtextSMTP); a lone surrogate is no character at all.
    const asAscii = (s: string) => s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x80-\uFFFF]/g, (c) => (/^[\uD800-\uDFFF]$/.test(c) ? "\n" : "a"));
    fc.assert(fc.property(joined(piece), (local) => {
      expect(idnEmailFormat(`${local}@example.com`), local).toBe(emailFormat(`${asAscii(local)}@example.com`));
    }), RUNS);
  });

  it("is email on short ASCII strings without A-labels", () => {
    const piece = ["a", "Z9", ".", "..", "@", '"', "\\", " ", "[", "]", "IPv6:", "::", ":", "255", "256", "192.0.2.1", "-", "~", "exam", ".com", "\n"];
    fc.assert(fc.property(joined(piece), (s) => {
      expect(idnEmailFormat(s), s).toBe(emailFormat(s));
    }), RUNS);
  });

  it("answers promptly on long near-misses", () => {
    const long = "\u00E9".repeat(100_000);
    for (const s of [`${long}@${long}!`, `${long}.@x`, `"${long}@x`, `a@${"\u00FC.".repeat(50_000)}`]) expect(idnEmailFormat(s)).toBe(false);
  });
});

describe("a bundle of one format", () => {
  async function bundle(name: string): Promise<string> {
    const result = await build({ stdin: { contents: `export { ${name} } from "./runtime/validator-support.js";`, resolveDir: ROOT, loader: "js" }, bundle: true, minify: true, format: "esm", write: false, logLevel: "silent" });
    return result.outputFiles[0]!.text;
  }

  it("carries none of the internationalized formats' code unless it is one", async () => {
    // iprivate's ranges, UTF8-non-ascii's, the U-label check's.
    const markers = ["uDB80", "uE000", "uDC00", "normalize"];
    for (const name of ["uriFormat", "uriReferenceFormat", "emailFormat"]) for (const marker of markers) expect(await bundle(name), `${name}: ${marker}`).not.toContain(marker);
    expect(await bundle("iriFormat")).not.toContain("https?://");
  });
});
