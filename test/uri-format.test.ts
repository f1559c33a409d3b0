// uriFormat and uriReferenceFormat against RFC 3986: its own examples, and its Appendix A ABNF read a
// second way, as a small parser that follows every alternative (no regular expression), on generated
// strings; and the quick paths of uriFormat held to the full rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uriExpressions, uriFormat, uriReferenceFormat } from "../runtime/validator-support.js";

const { PLAIN_HTTP_URI, PLAIN_URI, URI } = uriExpressions();

/** An ABNF rule: every position where it can end when started at `i`. */
type Rule = (s: string, i: number) => number[];
const unique = (ends: number[]) => [...new Set(ends)];
const chars = (set: RegExp): Rule => (s, i) => (i < s.length && set.test(s[i]!) ? [i + 1] : []);
// ABNF's quoted strings are case-insensitive; the ones below are written in lowercase.
const lit = (text: string): Rule => (s, i) => (s.slice(i, i + text.length).toLowerCase() === text ? [i + text.length] : []);
const seq = (...rules: Rule[]): Rule => (s, i) => rules.reduce((ends, rule) => unique(ends.flatMap((e) => rule(s, e))), [i]);
const alt = (...rules: Rule[]): Rule => (s, i) => unique(rules.flatMap((rule) => rule(s, i)));
/** min*max rule; every rule repeated here consumes at least one character, so this ends. */
const rep = (min: number, max: number, rule: Rule): Rule => (s, i) => {
  let ends = [i];
  const all = min === 0 ? [i] : [];
  for (let n = 1; n <= max && ends.length > 0; n++) {
    ends = unique(ends.flatMap((e) => rule(s, e)));
    if (n >= min) all.push(...ends);
  }
  return unique(all);
};
const opt = (rule: Rule) => rep(0, 1, rule);
const many = (rule: Rule) => rep(0, Infinity, rule);
const whole = (rule: Rule) => (s: string) => rule(s, 0).includes(s.length);

// RFC 3986, Appendix A, rule by rule.
const ALPHA = chars(/[A-Za-z]/);
const DIGIT = chars(/[0-9]/);
const HEXDIG = chars(/[0-9A-Fa-f]/);
const unreserved = alt(ALPHA, DIGIT, chars(/[-._~]/));
const subDelims = chars(/[!$&'()*+,;=]/);
const pctEncoded = seq(lit("%"), HEXDIG, HEXDIG);
const pchar = alt(unreserved, pctEncoded, subDelims, lit(":"), lit("@"));
const query = many(alt(pchar, lit("/"), lit("?")));
const fragment = query;
const segment = many(pchar);
const segmentNz = rep(1, Infinity, pchar);
const segmentNzNc = rep(1, Infinity, alt(unreserved, pctEncoded, subDelims, lit("@")));
const pathAbempty = many(seq(lit("/"), segment));
const pathAbsolute = seq(lit("/"), opt(seq(segmentNz, pathAbempty)));
const pathNoscheme = seq(segmentNzNc, pathAbempty);
const pathRootless = seq(segmentNz, pathAbempty);
const pathEmpty: Rule = (_s, i) => [i];
const decOctet = alt(DIGIT, seq(chars(/[1-9]/), DIGIT), seq(lit("1"), DIGIT, DIGIT), seq(lit("2"), chars(/[0-4]/), DIGIT), seq(lit("25"), chars(/[0-5]/)));
const IPv4address = seq(decOctet, lit("."), decOctet, lit("."), decOctet, lit("."), decOctet);
const h16 = rep(1, 4, HEXDIG);
const ls32 = alt(seq(h16, lit(":"), h16), IPv4address);
const h16c = seq(h16, lit(":"));
const IPv6address = alt(
  seq(rep(6, 6, h16c), ls32),
  seq(lit("::"), rep(5, 5, h16c), ls32),
  seq(opt(h16), lit("::"), rep(4, 4, h16c), ls32),
  seq(opt(seq(rep(0, 1, h16c), h16)), lit("::"), rep(3, 3, h16c), ls32),
  seq(opt(seq(rep(0, 2, h16c), h16)), lit("::"), rep(2, 2, h16c), ls32),
  seq(opt(seq(rep(0, 3, h16c), h16)), lit("::"), h16c, ls32),
  seq(opt(seq(rep(0, 4, h16c), h16)), lit("::"), ls32),
  seq(opt(seq(rep(0, 5, h16c), h16)), lit("::"), h16),
  seq(opt(seq(rep(0, 6, h16c), h16)), lit("::")),
);
const IPvFuture = seq(lit("v"), rep(1, Infinity, HEXDIG), lit("."), rep(1, Infinity, alt(unreserved, subDelims, lit(":"))));
const IPLiteral = seq(lit("["), alt(IPv6address, IPvFuture), lit("]"));
const regName = many(alt(unreserved, pctEncoded, subDelims));
const host = alt(IPLiteral, IPv4address, regName);
const port = many(DIGIT);
const userinfo = many(alt(unreserved, pctEncoded, subDelims, lit(":")));
const authority = seq(opt(seq(userinfo, lit("@"))), host, opt(seq(lit(":"), port)));
const scheme = seq(ALPHA, many(alt(ALPHA, DIGIT, chars(/[+\-.]/))));
const hierPart = alt(seq(lit("//"), authority, pathAbempty), pathAbsolute, pathRootless, pathEmpty);
const uriRule = seq(scheme, lit(":"), hierPart, opt(seq(lit("?"), query)), opt(seq(lit("#"), fragment)));
const relativePart = alt(seq(lit("//"), authority, pathAbempty), pathAbsolute, pathNoscheme, pathEmpty);
const relativeRef = seq(relativePart, opt(seq(lit("?"), query)), opt(seq(lit("#"), fragment)));
const isUri = whole(uriRule);
const isUriReference = whole(alt(uriRule, relativeRef));

// RFC 3986 section 1.1.2's examples, section 3's, and the base URI of section 5.4.
const RFC_URIS = ["ftp://ftp.is.co.za/rfc/rfc1808.txt", "http://www.ietf.org/rfc/rfc2396.txt", "ldap://[2001:db8::7]/c=GB?objectClass?one", "mailto:John.Doe@example.com", "news:comp.infosystems.www.servers.unix", "tel:+1-816-555-1212", "telnet://192.0.2.16:80/", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", "foo://example.com:8042/over/there?name=ferret#nose", "urn:example:animal:ferret:nose", "http://a/b/c/d;p?q", "g:h", "http:g"];
// Section 5.4's relative references (5.4.1 and 5.4.2), every one a URI-reference and none a URI.
const RFC_RELATIVE = ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x"];

// [string, a URI, a URI-reference]: the rule's corners.
const CORNERS: [string, boolean, boolean][] = [
  ["http://[v1.x]/", true, true], // IPvFuture, its "v" either case
  ["http://[V1A.x:y]/", true, true],
  ["http://[v.x]/", false, false],
  ["http://[fe80::1%25eth0]/", false, false], // a zone id is RFC 6874's, not RFC 3986's
  ["http://a:/", true, true], // port = *DIGIT
  ["http://a:x/", false, false],
  ["HTTP://A/%C3%A9?%c3#%C3", true, true],
  ["http://a/%C3%A", false, false],
  ["http://a/é", false, false], // an IRI, not a URI
  ["http://a/\u017f", false, false], // ſ, which case-folds to s
  ["\u212a:x", false, false], // the Kelvin sign, which case-folds to k
  ["http://[::ffff:1.2.3.4]/", true, true],
  ["http://[::ffff:01.2.3.4]/", false, false], // dec-octet has no leading zero
  ["http://[::ffff:256.2.3.4]/", false, false],
  ["http://[1:2:3:4:5:6:7:8]/", true, true],
  ["http://[1:2:3:4:5:6:7:8:9]/", false, false],
  ["http://[1::2::3]/", false, false],
  ["http://01.999.1.1/", true, true], // not an IPv4address, but a reg-name
  ["http://u:p:q@h/", true, true],
  ["http://a@b@c/", false, false],
  ["a:b:c", true, true], // path-rootless may hold colons
  ["1:b", false, false], // not a scheme, and path-noscheme's first segment has no colon
  ["a/b:c", false, true],
  ["http:/[::1]", false, false],
  ["#a#b", false, false],
  ["http://a/b\n", false, false],
];

describe("uri formats against RFC 3986", () => {
  it("accepts the RFC's own examples", () => {
    for (const s of RFC_URIS) expect([s, uriFormat(s), uriReferenceFormat(s)]).toEqual([s, true, true]);
    for (const s of RFC_RELATIVE) expect([s, uriFormat(s), uriReferenceFormat(s)]).toEqual([s, false, true]);
  });

  it("gives the grammar's verdict on its corners", () => {
    for (const [s, uri, reference] of CORNERS) {
      expect([s, isUri(s), isUriReference(s)], "the ABNF parser").toEqual([s, uri, reference]);
      expect([s, uriFormat(s), uriReferenceFormat(s)]).toEqual([s, uri, reference]);
    }
  });

  it("gives the ABNF's verdict on strings made of the grammar's pieces", () => {
    // Pieces on both sides of each rule's boundaries: scheme, userinfo, IP literals, port, paths, query, fragment, and characters no URI holds.
    const piece = fc.constantFrom("http", "a", "V", "1", "0", "01", "255", "256", "1.2.3.4", ".", "-", "+", ":", "::", "//", "/", "?", "#", "@", "[", "]", "ffff", "FFFF:", "v1.x", "%20", "%2", "%zz", "%25", "%E9", "!$&'()*+,;=", "~_", " ", '"', "<", "\\", "é", "\n", "{", "^", "");
    // A usual start now and then, for more strings that are URIs.
    const start = fc.constantFrom("", "", "http://", "a:", "//", "/");
    fc.assert(fc.property(start, fc.array(piece, { maxLength: 10 }), (first, pieces) => {
      const s = first + pieces.join("");
      expect([s, uriFormat(s), uriReferenceFormat(s)]).toEqual([s, isUri(s), isUriReference(s)]);
    }), { numRuns: 20000, seed: 20261130 });
  });

  it("gives the ABNF's verdict on IP literals", () => {
    const part = fc.constantFrom("0", "1", "ab", "FFFF", "12345", "1.2.3.4", "01.2.3.4", "255.255.255.255", "256.1.1.1", "");
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 10 }), fc.constantFrom("http://", "//"), (parts, start) => {
      const s = `${start}[${parts.join(":")}]/`;
      expect([s, uriFormat(s), uriReferenceFormat(s)]).toEqual([s, isUri(s), isUriReference(s)]);
    }), { numRuns: 5000, seed: 20261130 });
  });

  it("takes a quick path only for a string the full rule accepts", () => {
    fc.assert(fc.property(fc.stringMatching(PLAIN_URI), (s) => {
      expect(URI.test(s), s).toBe(true);
    }), { numRuns: 5000, seed: 20261130 });
    // PLAIN_HTTP_URI is case-insensitive and has lookaheads, which stringMatching does not take: strings near its shape, kept where it matches.
    const piece = fc.constantFrom("a", "Z", "example", "-", ".", "xn--", "0", "255", ":", ":80", ":", "/", "?", "#", "!$&'()*+,;=", "~_", "@", "%41");
    const plainHttp = fc.tuple(fc.constantFrom("http://", "HTTPS://", "hTtP://"), fc.array(piece, { maxLength: 8 })).map(([scheme, pieces]) => scheme + pieces.join("")).filter((s) => PLAIN_HTTP_URI.test(s));
    fc.assert(fc.property(plainHttp, (s) => {
      expect(URI.test(s), s).toBe(true);
    }), { numRuns: 5000, seed: 20261130 });
  });
});
