// What Ajv's standalone validators call at run time, as plain ESM with no dependency, so a generated
// validator imports in Node, browsers and edge runtimes alike. ucs2length and equal are Ajv's own
// (ajv/dist/runtime/*, CommonJS), to which test/validator-support.test.ts holds them; the formats follow
// their RFCs, judged by the JSON-Schema-Test-Suite's optional format tests, where ajv-formats' do not.

import { isALabel } from "./idna.js";

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

let builtUriExpressions;

/**
 * The expressions of uriFormat and uriReferenceFormat, built on the first call (in a function, so
 * that a bundle without either carries none of this; bundlers keep top-level code that builds
 * strings and RegExps) and kept. Exported for the tests.
 *
 * RFC 3986's URI grammar (Appendix A), composed from its rules' names so that each can be checked
 * against the ABNF. Matched case-insensitively, as the ABNF's ALPHA, HEXDIG and quoted strings
 * ("v") are; no `u` flag, with which `[a-z]` would match non-ASCII letters that fold to ASCII ones
 * (ſ, the Kelvin sign): a URI is ASCII (a non-ASCII one is an IRI).
 */
export function uriExpressions() {
  if (builtUriExpressions !== undefined) return builtUriExpressions;
  // UNRESERVED and SUB_DELIMS are the insides of character classes.
  const UNRESERVED = String.raw`a-z0-9\-._~`;
  const SUB_DELIMS = "!$&'()*+,;=";
  const PCT_ENCODED = "%[0-9a-f]{2}";
  /** One character of `set` (the inside of a character class) or a pct-encoded octet. */
  const charOrPct = (set) => `(?:[${set}]|${PCT_ENCODED})`;
  const PCHAR = charOrPct(UNRESERVED + SUB_DELIMS + ":@");
  const SEGMENT = `${PCHAR}*`;
  const SEGMENT_NZ = `${PCHAR}+`;
  const SEGMENT_NZ_NC = `${charOrPct(UNRESERVED + SUB_DELIMS + "@")}+`;
  const QUERY = `${charOrPct(UNRESERVED + SUB_DELIMS + ":@/?")}*`; // fragment is the same rule
  const IPV6ADDRESS = ipv6AddressRule();
  const IPVFUTURE = String.raw`v[0-9a-f]+\.[${UNRESERVED}${SUB_DELIMS}:]+`;
  // No zone id (`%25eth0`, RFC 6874): RFC 3986's IP-literal has none.
  const IP_LITERAL = String.raw`\[(?:${IPV6ADDRESS}|${IPVFUTURE})\]`;
  const REG_NAME = `${charOrPct(UNRESERVED + SUB_DELIMS)}*`;
  // host = IP-literal / IPv4address / reg-name, without IPv4address: every one is a reg-name too.
  const HOST = `(?:${IP_LITERAL}|${REG_NAME})`;
  const USERINFO = `${charOrPct(UNRESERVED + SUB_DELIMS + ":")}*`;
  const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::[0-9]*)?`;
  const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
  const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}${PATH_ABEMPTY})?`;
  const PATH_ROOTLESS = SEGMENT_NZ + PATH_ABEMPTY;
  const PATH_NOSCHEME = SEGMENT_NZ_NC + PATH_ABEMPTY;
  // hier-part and relative-part: "//" authority path-abempty / path-absolute / (a third path) / path-empty (the `?`).
  const part = (path) => `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${path})?`;
  const SCHEME = String.raw`[a-z][a-z0-9+\-.]*`;
  const QUERY_FRAGMENT = String.raw`(?:\?${QUERY})?(?:#${QUERY})?`;
  const HIER_PART = part(PATH_ROOTLESS);
  // pchar's characters in either case (PLAIN_URI has no `i` flag), without pct-encoded.
  const PLAIN_PCHAR = `A-Z${UNRESERVED}${SUB_DELIMS}:@`;
  // Past the authority of a plain URI: a path, a query and a fragment without percent-encoding.
  const PLAIN_REST = String.raw`(?:/[${PLAIN_PCHAR}/]*)?(?:\?[${PLAIN_PCHAR}/?]*)?(?:#[${PLAIN_PCHAR}/?]*)?$`;
  builtUriExpressions = {
    /** RFC 3986's `URI`: scheme ":" hier-part [ "?" query ] [ "#" fragment ]. */
    URI: new RegExp(`^${SCHEME}:${HIER_PART}${QUERY_FRAGMENT}$`, "i"),
    /** `URI-reference`: URI / relative-ref, with the [ "?" query ] [ "#" fragment ] that both end in written once. */
    URI_REFERENCE: new RegExp(`^(?:${SCHEME}:${HIER_PART}|${part(PATH_NOSCHEME)})${QUERY_FRAGMENT}$`, "i"),
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
 * The formats a generated validator checks; others are annotations. Each is a function of its
 * own, which a validator imports by name (so a bundle carries only the formats its validators
 * use): Ajv would copy a RegExp format into every validator that uses it.
 */
export const uriFormat = (str) => {
  const { PLAIN_HTTP_URI, PLAIN_URI, URI } = builtUriExpressions ?? uriExpressions();
  if (!PLAIN_HTTP_URI.test(str)) return PLAIN_URI.test(str) || URI.test(str);
  checkedHttpUris[nextChecked] = str;
  nextChecked = (nextChecked + 1) & 3;
  return true;
};
export const uriReferenceFormat = (str) => (builtUriExpressions ?? uriExpressions()).URI_REFERENCE.test(str);
/**
 * RFC 5321 section 4.1.2 Mailbox (its size limits, section 4.5.3.1, bind no implementation): a Dot-string
 * or a Quoted-string before the "@", a Domain or an address literal after; groups 1 and 2 hold an IPv6
 * literal's groups and the IPv4 address that may end it. A General-address-literal needs a tag registered
 * with IANA, and IPv6 is the only one. Made in a function so that a bundle without emailFormat drops its parts.
 */
function mailboxPattern() {
  const atom = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
  const quotedString = String.raw`"(?:[ !#-\[\]-~]|\\[ -~])*"`; // qtextSMTP or quoted-pairSMTP
  const subDomain = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
  const snum = String.raw`(?:25[0-5]|2[0-4]\d|[01]?\d?\d)`;
  const ipv4 = String.raw`${snum}(?:\.${snum}){3}`;
  return new RegExp(String.raw`^(?:${atom}(?:\.${atom})*|${quotedString})@(?:${subDomain}(?:\.${subDomain})*|\[${ipv4}\]|\[IPv6:([0-9a-f:]+?)(:${ipv4})?\])$`, "i");
}
const MAILBOX = /* @__PURE__ */ mailboxPattern();
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

/** RFC 5321 IPv6-addr: eight groups, or at most six around one "::" (which stands for two or more). */
function isIpv6Address(address) {
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  return groups.every((group) => IPV6_GROUP.test(group)) && (halves.length === 2 ? groups.length <= 6 : groups.length === 8);
}

export const emailFormat = (str) => {
  const match = MAILBOX.exec(str);
  // An IPv4 address ending an IPv6 one takes the place of its last two groups.
  return match !== null && (match[1] === undefined || isIpv6Address(match[2] === undefined ? match[1] : `${match[1]}:0:0`));
};
// RFC 1123 labels (at most 63 characters, 253 in all, no final dot), of which one that starts with `xn--` must be an IDNA A-label.
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const XN_LABEL = /^xn--/i;
export const hostnameFormat = (str) => HOSTNAME.test(str) && str.split(".").every((label) => !XN_LABEL.test(label) || isALabel(label));
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
