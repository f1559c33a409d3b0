// The email, hostname and uuid formats as their RFCs define them (the JSON-Schema-Test-Suite's reading),
// where ajv-formats differs: RFC 5321 Mailbox, RFC 1123 host names with IDNA2008 A-labels
// (RFC 5890-5893, runtime/idna.js), RFC 4122's string form of a UUID.
import { createRequire } from "node:module";
import punycode from "node:punycode";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeALabel, decodePunycode } from "../runtime/idna.js";
import { emailFormat, hostnameFormat, uuidFormat } from "../runtime/validator-support.js";

const require = createRequire(import.meta.url);
const fullFormats: Record<string, RegExp | ((s: string) => boolean)> = require("ajv-formats/dist/formats").fullFormats;
const ajv = (name: string) => {
  const f = fullFormats[name]!;
  return (s: string) => (f instanceof RegExp ? f.test(s) : f(s));
};
const joined = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join(""));
const RUNS = { numRuns: 20000, seed: 20261130 };

describe("uuid", () => {
  it("is RFC 4122's string form, without the URN around it", () => {
    for (const s of ["f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", "00000000-0000-0000-0000-000000000000"]) expect(uuidFormat(s), s).toBe(true);
    for (const s of ["urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}", "f81d4fae7dec11d0a76500a0c91e6bf6", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n", ""]) expect(uuidFormat(s), s).toBe(false);
  });

  it("gives ajv-formats' verdict but on a urn:uuid: URN", () => {
    const piece = joined(["urn:uuid:", "URN:UUID:", "f81d4fae", "7dec", "00a0c91e6bf6", "-", "g", "0", "\n", " "]);
    fc.assert(fc.property(piece, (s) => {
      expect(uuidFormat(s), s).toBe(ajv("uuid")(s) && !/^urn:uuid:/i.test(s));
    }), RUNS);
  });
});

describe("email", () => {
  it.each([
    "joe.bloggs@example.com",
    "customer/department=shipping@example.com", // RFC 3696 section 3
    "$A12345@example.com",
    "!def!xyz%abc@example.com",
    '"Abc@def"@example.com',
    '"Fred Bloggs"@example.com',
    '"Joe\\\\Blow"@example.com', // quoted-pairSMTP: a backslash, escaped
    '"a\\"b"@example.com',
    '""@example.com',
    "postmaster@localhost", // Domain = sub-domain *("." sub-domain)
    "a@[192.0.2.1]",
    "a@[IPv6:2001:db8::1]",
    "a@[ipv6:::]",
    "a@[IPv6:1:2:3:4:5:6:7:8]",
    "a@[IPv6:::ffff:192.0.2.1]",
    "a@[IPv6:1:2:3:4:5:6:192.0.2.1]",
    "a@[IPv6:1::2:3:4:192.0.2.1]",
  ])("takes %s", (s) => expect(emailFormat(s)).toBe(true));

  it.each([
    "Abc\\@def@example.com", // a backslash is no atext
    "a..b@example.com",
    ".a@example.com",
    '"a"b"@example.com',
    '"a\\"@example.com',
    '"é"@example.com',
    '"a\tb"@example.com',
    "a@",
    "@example.com",
    "a@-example.com",
    "a@example-.com",
    "a@example..com",
    "a@example.com.",
    "a@[192.0.2.256]",
    "a@[192.0.2]",
    "a@[IPv6:1:2:3:4:5:6:7]",
    "a@[IPv6:1:2:3:4:5:6:7:8:9]",
    "a@[IPv6:1::2:3:4:5:6:7]", // "::" stands for at least two groups
    "a@[IPv6:1::2::3]",
    "a@[IPv6:12345::]",
    "a@[IPv6:1::2:3:4:5:192.0.2.1]",
    "a@[IPv6:1.2.3.4]",
    "a@[x-tag:stuff]", // IPv6 is the only registered tag
    "a@[2001:db8::1]",
    "a@b@c.d",
    "a@b.c\n",
  ])("refuses %s", (s) => expect(emailFormat(s)).toBe(false));

  it("takes whatever ajv-formats takes, and gives its verdict on a dotted domain without quotes or brackets", () => {
    const piece = joined(["a", "Z9", ".", "..", "@", '"', "\\", " ", "[", "]", "IPv6:", "::", ":", "255", "256", "192.0.2.1", "-", "~", "é", "example", ".com", "\n"]);
    fc.assert(
      fc.property(piece, (s) => {
        if (ajv("email")(s)) expect(emailFormat(s), s).toBe(true);
        else if (emailFormat(s) && !/["[]/.test(s)) expect(s.slice(s.lastIndexOf("@")), s).not.toContain(".");
      }),
      RUNS,
    );
  });

  it("answers promptly on long near-misses", () => {
    const long = "a".repeat(100_000);
    for (const s of [`${long}@${long}!`, `${long}.@x`, `"${long}@x`, `a@[IPv6:${"1:".repeat(50_000)}]`]) expect(emailFormat(s)).toBe(false);
  });
});

describe("hostname", () => {
  const label63 = "a".repeat(63);
  it.each(["www.example.com", "3com.com", "a", "ab--cd.example", label63, `${label63}.${label63}.${label63}.${"a".repeat(61)}`])("takes RFC 1123 host name %s", (s) => expect(hostnameFormat(s)).toBe(true));
  it.each(["", "example.", ".example", "a..b", "-a", "a-", "a_b", "a b", `${label63}a`, `${label63}.${label63}.${label63}.${"a".repeat(62)}`, "exa\u212Aple.com", "example.com\n"])("refuses %j", (s) => expect(hostnameFormat(s)).toBe(false));

  it.each([
    ["xn--bcher-kva.example", "bücher"],
    ["XN--bcher-KVA.example", "ACE prefix and Punycode digits in any case (RFC 3492 section 5)"],
    ["xn--hxajbheg2az3al", "παράδειγμα"],
    ["xn--r8jz45g", "例え"],
    ["xn--ll-0ea", "l·l: MIDDLE DOT between two l"],
    ["xn--mgbn2ecje63gr19l", "می‌خواهم: ZWNJ between joining letters"],
    ["xn--11b6iy14e", "क्‍: ZWJ after a virama"],
    ["xn--1ug1007gyga", "ZWJ after a Unicode 16 virama (Tulu-Tigalari KA, VIRAMA)"],
  ])("takes the A-label %s (%s)", (s) => expect(hostnameFormat(s)).toBe(true));

  it.each([
    ["xn--X", "not Punycode"],
    ["xn--a", "decodes to U+0080"],
    ["xn--99999999999", "a code point past U+10FFFF"],
    ["xn--abc-", "no non-ASCII character (and a final hyphen)"],
    ["xn--Bcher-kva", "Bücher: upper case is DISALLOWED"],
    ["xn--ck7clae", "ﾃｽﾄ: halfwidth forms change under NFKC"],
    ["xn--e-xbb", "e + U+0301 is not NFC"],
    ["xn--abc-jdc", "begins with a combining mark"],
    ["xn---ab-dma", "the U-label begins with a hyphen"],
    ["xn--ab---epa", "the U-label has -- in the 3rd and 4th positions"],
    ["xn--ab-j1t", "ZWNJ between Latin letters"],
    ["xn--a-8pc64b", "Arabic-Indic digits with Extended Arabic-Indic ones"],
    ["xn--0ca24w", "\u00E0\u05D0: a left-to-right letter in a right-to-left label (the Bidi rule, RFC 5893)"],
    ["0a.xn--4db", "0a.\u05D0: a label of a Bidi domain name that starts with a digit"],
  ])("refuses %s (%s)", (s) => expect(hostnameFormat(s)).toBe(false));
});

describe("Punycode decoder", () => {
  it("decodes what node:punycode encodes", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
      expect(decodePunycode(punycode.encode(s))).toBe(s);
    }), RUNS);
  });

  it("agrees with node:punycode's decoder on any ASCII, but refuses a surrogate", () => {
    const piece = joined(["a", "b", "Z", "9", "0", "-", "--", "x", "99", "zz", "kva", "é", "."]);
    fc.assert(
      fc.property(piece, (s) => {
        let theirs: string | null;
        try {
          theirs = punycode.decode(s);
        } catch {
          theirs = null;
        }
        if (theirs !== null && /\p{Cs}/u.test(theirs)) theirs = null;
        expect(decodePunycode(s), s).toBe(theirs);
      }),
      RUNS,
    );
  });
});

describe("A-labels", () => {
  it("are A-labels to the WHATWG URL parser too (UTS 46), for labels without right-to-left text", () => {
    // Left-to-right pieces around the checks: letters, marks, digits, CONTEXTJ/CONTEXTO code points, case, compatibility forms.
    const piece = fc.constantFrom(..."abl09-é\u0301\u0903\u20DD\u0915\u094D\u200C\u200D\u00B7\u0375\u03B1\u30FB\u3042\u4E2D\u00DF\u03C2\u0131\u13A0\uAB70\u1F80\u0345\uFB01\uFF21\u00AD\u302E\u1100\u0378A".match(/./gsu)!);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const label = `xn--${punycode.encode(pieces.join(""))}`;
        if (label.length <= 63 && !label.endsWith("-") && decodeALabel(label) !== null) expect(new URL(`http://${label}/`).hostname, label).toBe(label);
      }),
      RUNS,
    );
  });
});
