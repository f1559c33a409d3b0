// What Ajv's standalone validators call at run time, as plain ESM with no dependency, so a generated
// validator imports in Node, browsers and edge runtimes alike. ucs2length and equal are Ajv's own
// (ajv/dist/runtime/*, CommonJS), to which test/validator-support.test.ts holds them; the formats follow
// their RFCs, judged by the JSON-Schema-Test-Suite's optional format tests, where ajv-formats' do not.

import { decodeALabel, encodePunycode, isULabel, meetsBidiRule, NON_ASCII } from "./idna.js";

/** Length in Unicode code points, as JSON Schema counts string length (ajv/dist/runtime/ucs2length). */
export function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** Deep equality of JSON values, for enum, const and uniqueItems (fast-deep-equal, as Ajv uses). */
export function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == "object" && typeof b == "object") {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = a.length; i-- !== 0; ) if (!equal(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || !equal(a[key], b[key])) return false;
    return true;
  }
  return a !== a && b !== b;
}

/**
 * Adds an error, as Ajv makes it, to a validator's list (null until the first): one short call in
 * place of Ajv's seven lines at every error. `extra` holds members past Ajv's first four.
 */
export function pushError(list, instancePath, schemaPath, keyword, params, extra) {
  const error = { instancePath, schemaPath, keyword, params };
  if (extra !== undefined) Object.assign(error, extra);
  if (list === null) return [error];
  list.push(error);
  return list;
}

/** pushError for a keyword of a property of the body (a name JSON Pointer and URI fragment write alike): the paths from the name. */
export function pushPropertyError(list, instancePath, name, keyword, params) {
  return pushError(list, `${instancePath}/${name}`, `#/properties/${name}/${keyword}`, keyword, params);
}

/** pushPropertyError for a `type` keyword naming one type: Ajv's params are `{type}`. */
export function pushTypeError(list, instancePath, name, type) {
  return pushPropertyError(list, instancePath, name, "type", { type });
}

/** The comparison Ajv's params give each numeric bound (the generator writes pushLimitError only where Ajv's matches it). */
export const COMPARISONS = { maximum: "<=", minimum: ">=", exclusiveMaximum: "<", exclusiveMinimum: ">" };

/** pushPropertyError for a numeric bound (`maximum`, `exclusiveMinimum` …): Ajv's params are `{comparison, limit}`. */
export function pushLimitError(list, instancePath, name, keyword, limit) {
  return pushPropertyError(list, instancePath, name, keyword, { comparison: COMPARISONS[keyword], limit });
}

/**
 * The start of the usual media URL, up to the end of its authority, which the WHATWG URL parser
 * takes as it is (media.ts's quick path): an http(s) scheme, a host of letters, digits, hyphens and
 * dots whose last label starts with a letter (so the parser reads no IPv4 address into it) and none
 * starts with `xn--` (punycode, which it would decode and could reject), a port of at most 4 digits.
 * Case-insensitive.
 */
export const PLAIN_HTTP_AUTHORITY = "^https?://(?:(?!xn--)[a-z0-9-]+\\.)*(?!xn--)[a-z][a-z0-9-]*(?::[0-9]{0,4})?";

// The last strings uriFormat found to match PLAIN_HTTP_URI. A media parameter's URL is checked twice
// in one validation, by the schema's `format: uri` and then by the media check (media.ts), which
// takes a string found here as fetchable instead of scanning it again. A string's verdict depends
// on its characters only, so whatever is found here, however old, is right.
const checkedHttpUris = ["", "", "", ""];
let nextChecked = 0;

/** Whether uriFormat lately found `str` to be a plain http(s) URL (see PLAIN_HTTP_URI); "" stands for an empty slot. */
export const isCheckedHttpUri = (str) => str !== "" && (str === checkedHttpUris[0] || str === checkedHttpUris[1] || str === checkedHttpUris[2] || str === checkedHttpUris[3]);

// The insides of character classes: RFC 3986's unreserved and sub-delims.
const UNRESERVED = "a-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";

/**
 * RFC 3986's IPv6address rule (Appendix A), with its dec-octet IPv4address, as the source of an
 * expression to match case-insensitively: for the URI expressions and ipv6Format (in a function,
 * so a bundle with neither carries none of it).
 */
function ipv6AddressRule() {
  const DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  const IPV4ADDRESS = String.raw`${DEC_OCTET}(?:\.${DEC_OCTET}){3}`;
  const H16 = "[0-9a-f]{1,4}";
  const LS32 = `(?:${H16}:${H16}|${IPV4ADDRESS})`;
  /** n( h16 ":" ) */
  const h16s = (n) => `(?:${H16}:){${n}}`;
  /** [ *n( h16 ":" ) h16 ] */
  const upTo = (n) => `(?:(?:${H16}:){0,${n}}${H16})?`;
  return `(?:${[
    `${h16s(6)}${LS32}`,
    `::${h16s(5)}${LS32}`,
    `${upTo(0)}::${h16s(4)}${LS32}`,
    `${upTo(1)}::${h16s(3)}${LS32}`,
    `${upTo(2)}::${h16s(2)}${LS32}`,
    `${upTo(3)}::${H16}:${LS32}`,
    `${upTo(4)}::${LS32}`,
    `${upTo(5)}::${H16}`,
    `${upTo(6)}::`,
  ].join("|")})`;
}

/**
 * RFC 3986's URI and URI-reference rules (Appendix A), composed from its rules' names so that each can be
 * checked against the ABNF, and matched case-insensitively, as the ABNF's ALPHA, HEXDIG and quoted strings
 * ("v") are. RFC 3987's IRI and IRI-reference rules (section 2.2) are the same but for two additions, which
 * `ucschar` and `iprivate` bring as alternatives to a character ("" for a URI): iunreserved adds ucschar
 * (and so ipchar, iuserinfo and ireg-name do), iquery adds iprivate.
 */
function uriGrammar(ucschar, iprivate) {
  const PCT_ENCODED = "%[0-9a-f]{2}";
  /** unreserved / pct-encoded / sub-delims / one of `more` (the inside of a character class): each rule below with pct-encoded starts so. */
  const charOrPct = (more) => `(?:[${UNRESERVED}${SUB_DELIMS}${more}]|${PCT_ENCODED}${ucschar})`;
  const PCHAR = charOrPct(":@");
  const SEGMENT = `${PCHAR}*`;
  const SEGMENT_NZ = `${PCHAR}+`;
  const SEGMENT_NZ_NC = `${charOrPct("@")}+`;
  // fragment = *( pchar / "/" / "?" ), and query the same, to which iquery adds iprivate.
  const FRAGMENT_CHAR = charOrPct(":@/?");
  const QUERY = `(?:${FRAGMENT_CHAR}${iprivate})*`;
  const IPV6ADDRESS = ipv6AddressRule();
  const IPVFUTURE = `v[0-9a-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+`;
  // No zone id (`%25eth0`, RFC 6874): RFC 3986's IP-literal has none.
  const IP_LITERAL = `\\[(?:${IPV6ADDRESS}|${IPVFUTURE})\\]`;
  const REG_NAME = `${charOrPct("")}*`;
  // host = IP-literal / IPv4address / reg-name, without IPv4address: every one is a reg-name too.
  const HOST = `(?:${IP_LITERAL}|${REG_NAME})`;
  const USERINFO = `${charOrPct(":")}*`;
  const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::[0-9]*)?`;
  const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
  const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}${PATH_ABEMPTY})?`;
  const PATH_ROOTLESS = SEGMENT_NZ + PATH_ABEMPTY;
  const PATH_NOSCHEME = SEGMENT_NZ_NC + PATH_ABEMPTY;
  // hier-part and relative-part: "//" authority path-abempty / path-absolute / (a third path) / path-empty (the `?`).
  const part = (path) => `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${path})?`;
  const SCHEME = "[a-z][a-z0-9+.-]*";
  const QUERY_FRAGMENT = `(?:\\?${QUERY})?(?:#${FRAGMENT_CHAR}*)?`;
  const HIER_PART = part(PATH_ROOTLESS);
  return [
    // scheme ":" hier-part [ "?" query ] [ "#" fragment ]
    new RegExp(`^${SCHEME}:${HIER_PART}${QUERY_FRAGMENT}$`, "i"),
    // URI / relative-ref, with the [ "?" query ] [ "#" fragment ] that both end in written once.
    new RegExp(`^(?:${SCHEME}:${HIER_PART}|${part(PATH_NOSCHEME)})${QUERY_FRAGMENT}$`, "i"),
  ];
}

let builtUriExpressions;

/**
 * The expressions of uriFormat and uriReferenceFormat, built on the first call (in a function, so
 * that a bundle without either carries none of this; bundlers keep top-level code that builds
 * strings and RegExps) and kept. Exported for the tests. No `u` flag, with which `[a-z]` would
 * match non-ASCII letters that fold to ASCII ones (ſ, the Kelvin sign): a URI is ASCII (a
 * non-ASCII one is an IRI).
 */
export function uriExpressions() {
  if (builtUriExpressions !== undefined) return builtUriExpressions;
  const [URI, URI_REFERENCE] = uriGrammar("", "");
  // pchar's characters in either case (PLAIN_URI has no `i` flag), without pct-encoded.
  const PLAIN_PCHAR = `A-Z${UNRESERVED}${SUB_DELIMS}:@`;
  // Past the authority of a plain URI: a path, a query and a fragment without percent-encoding.
  const PLAIN_REST = String.raw`(?:/[${PLAIN_PCHAR}/]*)?(?:\?[${PLAIN_PCHAR}/?]*)?(?:#[${PLAIN_PCHAR}/?]*)?$`;
  builtUriExpressions = {
    /** RFC 3986's `URI`. */
    URI,
    /** `URI-reference`. */
    URI_REFERENCE,
    /**
     * The usual shape of a URI (scheme://host[:port][/path][?query][#fragment], no percent-encoding,
     * no userinfo, no IP literal), every string of which URI matches: tried first because it is
     * faster, and URI decides the rest.
     */
    PLAIN_URI: new RegExp(String.raw`^[a-zA-Z][a-zA-Z0-9+\-.]*://[A-Z${UNRESERVED}${SUB_DELIMS}]*(?::[0-9]*)?` + PLAIN_REST),
    /** The usual media URL whole: every string it matches is a URI (PLAIN_URI matches it) and a media URL the server can fetch. */
    PLAIN_HTTP_URI: new RegExp(PLAIN_HTTP_AUTHORITY + PLAIN_REST, "i"),
  };
  return builtUriExpressions;
}

/*
 * The formats a generated validator checks: every one JSON Schema defines (an unknown one is an
 * annotation). Each is a function of its own, which a validator imports by name (so a bundle
 * carries only the formats its validators use): Ajv would copy a RegExp format into every
 * validator that uses it.
 */
export const uriFormat = (str) => {
  const { PLAIN_HTTP_URI, PLAIN_URI, URI } = builtUriExpressions ?? uriExpressions();
  if (!PLAIN_HTTP_URI.test(str)) return PLAIN_URI.test(str) || URI.test(str);
  checkedHttpUris[nextChecked] = str;
  nextChecked = (nextChecked + 1) & 3;
  return true;
};
export const uriReferenceFormat = (str) => (builtUriExpressions ?? uriExpressions()).URI_REFERENCE.test(str);

let builtIriExpressions;

/**
 * The expressions of iriFormat and iriReferenceFormat (RFC 3987's IRI and IRI-reference), built on the
 * first call like uriExpressions' and kept. Exported for the tests. Still no `u` flag (its scheme and
 * IP literals are ASCII as a URI's are): a code point past U+FFFF is a surrogate pair, and neither
 * ucschar nor iprivate holds a plane's last two code points (U+xFFFE, U+xFFFF: a high surrogate
 * U+D83F, U+D87F … U+DBFF before U+DFFE or U+DFFF) or U+E0000 to U+E0FFF.
 */
export function iriExpressions() {
  if (builtIriExpressions !== undefined) return builtIriExpressions;
  const lastHighSurrogates = Array.from({ length: 16 }, (_, plane) => `\\u${(0xd83f + plane * 0x40).toString(16)}`).join("");
  /** A surrogate pair whose high surrogate is in `highs` (the inside of a character class), for a code point that is no noncharacter. */
  const pair = (highs) => String.raw`(?![${lastHighSurrogates}][\uDFFE\uDFFF])[${highs}][\uDC00-\uDFFF]`;
  // U+A0 to U+D7FF, U+F900 to U+FDCF, U+FDF0 to U+FFEF; U+10000 to U+DFFFD, U+E1000 to U+EFFFD. Less the
  // bidirectional formatting characters (LRM, RLM, LRE, RLE, PDF, LRO, RLO), which an IRI must not hold (section 4.1).
  const UCSCHAR = String.raw`|[\xA0-\u200D\u2010-\u2029\u202F-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]|${pair(String.raw`\uD800-\uDB3F\uDB44-\uDB7F`)}`;
  // U+E000 to U+F8FF; U+F0000 to U+10FFFD.
  const IPRIVATE = String.raw`|[\uE000-\uF8FF]|${pair(String.raw`\uDB80-\uDBFF`)}`;
  const [IRI, IRI_REFERENCE] = uriGrammar(UCSCHAR, IPRIVATE);
  builtIriExpressions = { IRI, IRI_REFERENCE };
  return builtIriExpressions;
}

export const iriFormat = (str) => (builtIriExpressions ?? iriExpressions()).IRI.test(str);
export const iriReferenceFormat = (str) => (builtIriExpressions ?? iriExpressions()).IRI_REFERENCE.test(str);
/**
 * RFC 5321 section 4.1.2 Mailbox (its size limits, section 4.5.3.1, bind no implementation): a Dot-string
 * or a Quoted-string before the "@", a Domain or an address literal after; groups 1 and 2 hold an IPv6
 * literal's groups and the IPv4 address that may end it. A General-address-literal needs a tag registered
 * with IANA, and IPv6 is the only one. Made in a function so that a bundle without emailFormat drops its parts.
 * RFC 6531 section 3.3's Mailbox is the same with UTF8-non-ascii added to atext and qtextSMTP, which
 * `utf8NonAscii` brings as alternatives to a character ("" for RFC 5321), and U-label to sub-domain, for
 * which `subDomain` stands in.
 */
function mailboxPattern(utf8NonAscii, subDomain = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?") {
  const atom = `(?:[a-z0-9!#$%&'*+/=?^_\`{|}~-]${utf8NonAscii})+`;
  const quotedString = String.raw`"(?:[ !#-\[\]-~]${utf8NonAscii}|\\[ -~])*"`; // qtextSMTP or quoted-pairSMTP
  const snum = String.raw`(?:25[0-5]|2[0-4]\d|[01]?\d?\d)`;
  const ipv4 = String.raw`${snum}(?:\.${snum}){3}`;
  return new RegExp(String.raw`^(?:${atom}(?:\.${atom})*|${quotedString})@(?:${subDomain}(?:\.${subDomain})*|\[${ipv4}\]|\[IPv6:([0-9a-f:]+?)(:${ipv4})?\])$`, "i");
}
const MAILBOX = /* @__PURE__ */ mailboxPattern("");
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

/** RFC 5321 IPv6-addr: eight groups, or at most six around one "::" (which stands for two or more). */
function isIpv6Address(address) {
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  return groups.every((group) => IPV6_GROUP.test(group)) && (halves.length === 2 ? groups.length <= 6 : groups.length === 8);
}

/** Whether a Mailbox match's IPv6 literal, if it has one, is an IPv6-addr: an IPv4 address ending it takes the place of its last two groups. */
const ipv6LiteralHolds = (match) => match[1] === undefined || isIpv6Address(match[2] === undefined ? match[1] : `${match[1]}:0:0`);

export const emailFormat = (str) => {
  const match = MAILBOX.exec(str);
  return match !== null && ipv6LiteralHolds(match);
};

// RFC 6531's Mailbox, its sub-domains (any characters but "@", ".", "[", "]") left to isIdnDomain. UTF8-non-ascii is
// any code point past U+7F (RFC 3629 section 4): a UTF-16 code unit that is no surrogate, or a surrogate pair.
const IDN_MAILBOX = /* @__PURE__ */ mailboxPattern("|[\\x80-\\uD7FF\\uE000-\\uFFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]", "[^@.[\\]]+");

export const idnEmailFormat = (str) => {
  const match = IDN_MAILBOX.exec(str);
  if (match === null || !ipv6LiteralHolds(match)) return false;
  // The domain follows the last "@" (an "@" before it is in a Quoted-string). The suite takes one that is not NFC
  // (a U-label is), so its NFC form is what must be an IDNA2008 domain name.
  const domain = str.slice(str.lastIndexOf("@") + 1);
  return domain.startsWith("[") || isIdnDomain(domain.normalize("NFC"), ".");
};

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const XN_LABEL = /^xn--/i;

/**
 * Whether `domain`, its labels parted by `separator`, is an IDNA2008 domain name (RFC 5890 to 5893): each
 * label an LDH label (RFC 1123; one that starts with `xn--` an A-label) or a U-label, of at most 63 octets
 * in its A-label form (RFC 5891 section 4.2.4) and 253 in all, the labels together meeting the Bidi rule.
 */
function isIdnDomain(domain, separator) {
  // Each code point takes an octet or more of the A-label form: so much bounds the work before any encoding.
  if (domain.length > 2 * 253) return false;
  const uLabels = [];
  let length = -1;
  for (const label of domain.split(separator)) {
    let aLabel = label;
    if (NON_ASCII.test(label)) {
      if (!isULabel(label)) return false;
      aLabel = `xn--${encodePunycode(label)}`;
      uLabels.push(label);
    } else {
      const uLabel = !LDH_LABEL.test(label) ? null : XN_LABEL.test(label) ? decodeALabel(label) : label;
      if (uLabel === null) return false;
      uLabels.push(uLabel);
    }
    if (aLabel.length > 63) return false;
    length += aLabel.length + 1;
  }
  return length <= 253 && meetsBidiRule(uLabels);
}

// RFC 1123 host names (labels of at most 63 characters, 253 in all, no final dot): IDNA2008 domain names of ASCII labels.
export const hostnameFormat = (str) => !NON_ASCII.test(str) && isIdnDomain(str, ".");
// RFC 3490 section 3.1's label separators, which the suite keeps for IDNA2008: full stop, ideographic full stop,
// fullwidth full stop, halfwidth ideographic full stop.
const LABEL_SEPARATOR = /[.\u3002\uFF0E\uFF61]/;
export const idnHostnameFormat = (str) => isIdnDomain(str, LABEL_SEPARATOR);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export const ipv4Format = (str) => IPV4.test(str);
// RFC 4122 section 3: the string form alone (a `urn:uuid:` URN is a URI that holds one).
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
export const uuidFormat = (str) => UUID.test(str);

// RFC 3339 section 5.6 full-date and full-time; `T` and `Z` in either case (its note to 5.6).
const FULL_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const FULL_TIME = /^(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:z|([+-])(\d\d):(\d\d))$/i;
/** Days in a month (1-12) of a year of the proleptic Gregorian calendar (RFC 3339 Appendix C): 31 in odd months to July, even ones from August. */
const daysInMonth = (year, month) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);
export const dateFormat = (str) => {
  const match = FULL_DATE.exec(str);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};
export const timeFormat = (str) => {
  const match = FULL_TIME.exec(str);
  if (match === null) return false;
  // "Z" is the offset +00:00.
  const [hour, minute, second, offsetHour = 0, offsetMinute = 0] = [1, 2, 3, 5, 6].map((i) => match[i] && +match[i]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  // A leap second is added at the end of a UTC day: 23:59:60 in UTC, whatever the local time.
  const utcMinutes = hour * 60 + minute - (match[4] === "-" ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  return second < 60 || (utcMinutes + 1440) % 1440 === 23 * 60 + 59;
};
export const dateTimeFormat = (str) => (str[10] === "T" || str[10] === "t") && dateFormat(str.slice(0, 10)) && timeFormat(str.slice(11));
/**
 * RFC 3339 Appendix A's ISO 8601 duration: "P", then years, months, days (each with those after it
 * optional, in that order, from any one on) and a time of hours, minutes, seconds likewise after a
 * "T"; or weeks alone. Whole numbers only. Letters in either case, as ABNF's quoted strings are (RFC 3339
 * reads `T` and `Z` so in 5.6).
 */
function durationPattern() {
  /** One or more of `units` in order, each after the first present optional from there on: "YMD" gives Y[M[D]] / M[D] / D. */
  const units = ([first, ...rest]) => {
    const tail = rest.reduceRight((inner, unit) => `(?:\\d+${unit}${inner})?`, "");
    return rest.length === 0 ? `\\d+${first}` : `\\d+${first}${tail}|${units(rest)}`;
  };
  const time = `T(?:${units("HMS")})`;
  return new RegExp(`^P(?:(?:${units("YMD")})(?:${time})?|${time}|\\d+W)$`, "i");
}
const DURATION = /* @__PURE__ */ durationPattern();
export const durationFormat = (str) => DURATION.test(str);
let builtIpv6;
// RFC 4291 section 2.2's text forms, which RFC 3986's IPv6address spells out (an embedded IPv4 address without leading zeros); no zone id, no brackets.
export const ipv6Format = (str) => (builtIpv6 ??= new RegExp(`^${ipv6AddressRule()}$`, "i")).test(str);
// ECMA-262 with the `u` flag, as Ajv compiles `pattern`.
export const regexFormat = (str) => {
  try {
    new RegExp(str, "u");
    return true;
  } catch {
    return false;
  }
};
// RFC 6901: "/"-prefixed reference tokens, in which "~" is only "~0" or "~1".
const JSON_POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;
export const jsonPointerFormat = (str) => JSON_POINTER.test(str);
// draft-handrews-relative-json-pointer-01: a non-negative integer without leading zeros, then "#" or a JSON Pointer.
const RELATIVE_JSON_POINTER = /^(?:0|[1-9]\d*)(?:#|(?:\/(?:[^~/]|~[01])*)*)$/;
export const relativeJsonPointerFormat = (str) => RELATIVE_JSON_POINTER.test(str);
/**
 * RFC 6570 section 2's URI-Template: literals and expressions, each "{" an operator of levels 2-3
 * (op-reserve is reserved for future extensions, so no processor can expand it), then varspecs
 * separated by ",", each a varname with a prefix (":" 1-9999) or explode ("*") modifier. Literals
 * include "'" (%x27), as an erratum reported against the RFC and the suite have it.
 */
function uriTemplatePattern() {
  const PCT_ENCODED = "%[0-9a-fA-F]{2}";
  // ucschar and iprivate (RFC 3987): most of the BMP past U+009F, and each higher plane but its last two code points.
  const planes = Array.from({ length: 16 }, (_, i) => (i + 1).toString(16)).map((p) => `\\u{${p}${p === "e" ? "1000" : "0000"}}-\\u{${p}fffd}`);
  const LITERAL = `(?:[\\x21\\x23\\x24\\x26-\\x3b\\x3d\\x3f-\\x5b\\x5d\\x5f\\x61-\\x7a\\x7e\\xa0-\\ud7ff\\ue000-\\ufdcf\\ufdf0-\\uffef${planes.join("")}]|${PCT_ENCODED})`;
  const VARCHAR = `(?:\\w|${PCT_ENCODED})`; // ALPHA / DIGIT / "_" (\w is ASCII without the `i` flag)
  const VARSPEC = `${VARCHAR}(?:\\.?${VARCHAR})*(?::[1-9]\\d{0,3}|\\*)?`;
  return new RegExp(`^(?:${LITERAL}|\\{[+#./;?&]?${VARSPEC}(?:,${VARSPEC})*\\})*$`, "u");
}
const URI_TEMPLATE = /* @__PURE__ */ uriTemplatePattern();
export const uriTemplateFormat = (str) => URI_TEMPLATE.test(str);

/** The formats by name, for the generator's Ajv. */
export const formats = {
  uri: uriFormat,
  "uri-reference": uriReferenceFormat,
  email: emailFormat,
  hostname: hostnameFormat,
  ipv4: ipv4Format,
  uuid: uuidFormat,
  iri: iriFormat,
  "iri-reference": iriReferenceFormat,
  "idn-hostname": idnHostnameFormat,
  "idn-email": idnEmailFormat,
  "date-time": dateTimeFormat,
  date: dateFormat,
  time: timeFormat,
  duration: durationFormat,
  ipv6: ipv6Format,
  regex: regexFormat,
  "json-pointer": jsonPointerFormat,
  "relative-json-pointer": relativeJsonPointerFormat,
  "uri-template": uriTemplateFormat,
};
