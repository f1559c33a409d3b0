// IDNA2008 labels for the hostname, idn-hostname and idn-email formats: the Punycode decoder and encoder of
// RFC 3492, the checks RFC 5891 section 4 makes of a U-label, with the code point classes of RFC 5892 computed
// from the JavaScript engine's Unicode data (property escapes, normalize, case mapping) instead of tables,
// and the Bidi rule of RFC 5893 with Bidi_Class approximated the same way.
// A module of its own so that only a bundle that checks host names carries it.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

/** RFC 3492 section 6.1: the bias after a delta. */
function adapt(delta, points, first) {
  delta = first ? Math.floor(delta / 700) : Math.floor(delta / 2);
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > ((BASE - T_MIN) * T_MAX) / 2; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + 38));
}

/** RFC 3492 section 6.2 and 6.3: the threshold of the digit at `k` (a multiple of BASE) under `bias`. */
const threshold = (k, bias) => (k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias);

/** The value of a Punycode digit (a-z and A-Z are 0-25, 0-9 are 26-35); BASE for any other character. */
function digitValue(code) {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  return BASE;
}

/**
 * RFC 3492 section 6.2: the string that `input` (Punycode, without the `xn--` prefix) encodes, or
 * null if it is not Punycode (a non-ASCII basic code point, a bad digit, a truncated number, or a
 * code point past U+10FFFF or a surrogate).
 */
export function decodePunycode(input) {
  // The basic code points come before the last "-"; a "-" in the first place begins the digits.
  const last = input.lastIndexOf("-");
  const output = [];
  for (let j = 0; j < last; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = 0x80;
  let i = 0;
  let bias = 72;
  for (let pos = last > 0 ? last + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos === input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit === BASE) return null;
      i += digit * w;
      // Past this bound n would pass U+10FFFF; checking it here also keeps i and w exact.
      if (i >= (0x110000 - n) * (output.length + 1)) return null;
      const t = threshold(k, bias);
      if (digit < t) break;
      w *= BASE - t;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n >= 0xd800 && n <= 0xdfff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** A Punycode digit (0-25 are a-z, 26-35 are 0-9): the lower case, which an A-label's canonical form has. */
const digitChar = (digit) => String.fromCharCode(digit < 26 ? 0x61 + digit : 0x16 + digit);

/** RFC 3492 section 6.3: the Punycode for `input` (without the `xn--` prefix). */
export function encodePunycode(input) {
  const codes = Array.from(input, (c) => c.codePointAt(0));
  const basic = codes.filter((code) => code < 0x80).length;
  let output = String.fromCharCode(...codes.filter((code) => code < 0x80)) + (basic > 0 ? "-" : "");
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  for (let handled = basic; handled < codes.length; n++, delta++) {
    // The next code point to insert, and the insertions it skips over (positions in the string so far, for each code point before it).
    const next = Math.min(...codes.filter((code) => code >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const code of codes) {
      if (code < n) delta++;
      if (code !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        output += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
  }
  return output;
}

// RFC 5892 section 2.6, Exceptions: code points whose class is set by hand.
const PVALID_EXCEPTIONS = /[\u00DF\u03C2\u06FD\u06FE\u0F0B\u3007]/u;
const DISALLOWED_EXCEPTIONS = /[\u0640\u07FA\u302E\u302F\u3031-\u3035\u303B]/u;
// Section 2.1, LetterDigits: the general categories Ll, Lu, Lo, Nd, Lm, Mn, Mc.
const LETTER_DIGIT = /[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]/u;
// Sections 2.3 to 2.5, what DISALLOWED takes out of LetterDigits besides Unstable: Default_Ignorable_Code_Point
// (White_Space and Noncharacter_Code_Point hold no letter or digit); the blocks Combining Diacritical Marks
// for Symbols, Musical Symbols and Ancient Greek Musical Notation; the conjoining Hangul jamo (L, V, T).
const IGNORED = /[\p{Default_Ignorable_Code_Point}\u20D0-\u20FF\u{1D100}-\u{1D24F}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;

/**
 * Case folding (Unicode's toCaseFold, for section 2.2) from the case mappings JavaScript has: the lower
 * case of the upper case, but Cherokee folds to its capitals and dotless i to itself.
 */
const CHEROKEE = /\p{sc=Cherokee}/u;
const caseFold = (c) => (CHEROKEE.test(c) ? c.toUpperCase() : c === "\u0131" ? c : c.toUpperCase().toLowerCase());

/**
 * Whether the code point `c` is PVALID by the rules of RFC 5892 section 3 (an unassigned code point
 * is in no LetterDigits category). With the engine's Unicode 17 data (Node 20) this gives the same
 * PVALID set as the IANA IDNA tables for Unicode 17.0.
 */
function isPvalid(c) {
  if (PVALID_EXCEPTIONS.test(c)) return true;
  if (DISALLOWED_EXCEPTIONS.test(c)) return false;
  if (c === "-" || (c >= "0" && c <= "9") || (c >= "a" && c <= "z")) return true;
  // Section 2.2, Unstable: changed by NFKC, case folding, NFKC.
  const stable = caseFold(c.normalize("NFKC")).normalize("NFKC") === c;
  return stable && LETTER_DIGIT.test(c) && !IGNORED.test(c);
}

// Canonical_Combining_Class=Virama (9), for RFC 5892 A.1 and A.2: every such code point of Unicode 17.0
// (as Node 20's normalization data orders marks; the same as CPython's unicodedata up to Unicode 14).
const VIRAMA = /[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0EBA\u0F84\u1039\u103A\u1714\u1715\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\u1BF2\u1BF3\u2D7F\uA806\uA82C\uA8C4\uA953\uA9C0\uAAF6\uABED\u{10A3F}\u{11046}\u{11070}\u{1107F}\u{110B9}\u{11133}\u{11134}\u{111C0}\u{11235}\u{112EA}\u{1134D}\u{113CE}-\u{113D0}\u{11442}\u{114C2}\u{115BF}\u{1163F}\u{116B6}\u{1172B}\u{11839}\u{1193D}\u{1193E}\u{119E0}\u{11A34}\u{11A47}\u{11A99}\u{11C3F}\u{11D44}\u{11D45}\u{11D97}\u{11F41}\u{11F42}\u{1612F}]/u;

// Joining types for the ZERO WIDTH NON-JOINER rule (RFC 5892 A.1), approximated: every Mn is
// transparent (T), as Unicode's ArabicShaping.txt makes them, and every letter of the scripts that
// join cursively (those with dual- or right-joining letters) joins on both sides (D). The rule then
// accepts a ZWNJ between two such letters that are right-joining (R) or non-joining (U) too, such as
// an Arabic alef or hamza before it; no label it rejects has a ZWNJ the rule allows. Old Uyghur goes by
// its block, as its script name is newer than some engines' Unicode data.
const TRANSPARENT = /\p{Mn}/u;
const JOINING = /(?=\p{L})[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mandaic}\p{sc=Mongolian}\p{sc=Phags_Pa}\p{sc=Manichaean}\p{sc=Psalter_Pahlavi}\p{sc=Hanifi_Rohingya}\p{sc=Sogdian}\p{sc=Chorasmian}\p{sc=Adlam}\u{10F70}-\u{10FAF}]/u;

/** RFC 5892 A.1: the ZWNJ at `at` has a joining letter on each side, past transparent code points. */
function joinsAcross(cps, at) {
  let before = at - 1;
  while (before >= 0 && TRANSPARENT.test(cps[before])) before--;
  let after = at + 1;
  while (after < cps.length && TRANSPARENT.test(cps[after])) after++;
  return before >= 0 && after < cps.length && JOINING.test(cps[before]) && JOINING.test(cps[after]);
}

const GREEK = /\p{sc=Greek}/u;
const HEBREW = /\p{sc=Hebrew}/u;
const KANA_OR_HAN = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/u;
const EXTENDED_ARABIC_INDIC_DIGIT = /[\u06F0-\u06F9]/u;

/** Whether the code point at `at` of the U-label `label` (`cps`, its code points) may stand there: PVALID, or CONTEXTJ/CONTEXTO with its rule of RFC 5892 Appendix A met. */
function allowedAt(label, cps, at) {
  const c = cps[at];
  const before = cps[at - 1] ?? "";
  const after = cps[at + 1] ?? "";
  switch (c) {
    case "\u200C": // ZERO WIDTH NON-JOINER
      return VIRAMA.test(before) || joinsAcross(cps, at);
    case "\u200D": // ZERO WIDTH JOINER
      return VIRAMA.test(before);
    case "\u00B7": // MIDDLE DOT, as in Catalan l·l
      return before === "l" && after === "l";
    case "\u0375": // GREEK LOWER NUMERAL SIGN (KERAIA)
      return GREEK.test(after);
    case "\u05F3": // HEBREW PUNCTUATION GERESH
    case "\u05F4": // HEBREW PUNCTUATION GERSHAYIM
      return HEBREW.test(before);
    case "\u30FB": // KATAKANA MIDDLE DOT
      return KANA_OR_HAN.test(label);
  }
  if (ARABIC_INDIC_DIGIT.test(c)) return !EXTENDED_ARABIC_INDIC_DIGIT.test(label);
  if (EXTENDED_ARABIC_INDIC_DIGIT.test(c)) return !ARABIC_INDIC_DIGIT.test(label);
  return isPvalid(c);
}

// RFC 5893's Bidi rule, with each code point's Bidi_Class (a property JavaScript does not have) told from
// what it has: EN and AN digits by name; a nonspacing mark is NSM (but five that are L); a code point of the
// blocks Unicode keeps for right-to-left scripts is R or AL (the rule never tells the two apart); the hyphen,
// the CONTEXTJ and CONTEXTO punctuation and some modifier letters are ES, BN or ON, which the rule treats
// alike; the rest is L. For every code point of Unicode 14 that a label may hold this is the Bidi_Class
// CPython's unicodedata gives; later ones go by their block and category.
const EUROPEAN_DIGIT = /[0-9\u06F0-\u06F9]/;
const ARABIC_DIGIT = /[\u0660-\u0669\u{10D30}-\u{10D39}]/u;
const LEFT_TO_RIGHT_MARK = /[\u0CBF\u0CC6\u{11A07}\u{11A08}\u{11C3F}]/u;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const NEUTRAL = /[-\u00B7\u0375\u30FB\u200C\u200D\u02B9\u02BA\u02C6-\u02CF\u02EC\u2E2F\uA67F\uA717-\uA71F\uA788]/;

/** The Bidi class of the code point `c`, as one letter: L, R (R or AL), A (AN), E (EN), N (NSM) or O (the others). */
function bidiClass(c) {
  if (EUROPEAN_DIGIT.test(c)) return "E";
  if (ARABIC_DIGIT.test(c)) return "A";
  if (TRANSPARENT.test(c) && !LEFT_TO_RIGHT_MARK.test(c)) return "N";
  if (RIGHT_TO_LEFT.test(c)) return "R";
  return NEUTRAL.test(c) ? "O" : "L";
}

// RFC 5893 section 2's conditions on a label, written in those letters. 1, 5, 6: an LTR label starts with L,
// holds no R, AL or AN, and ends with L or EN and any NSMs. 1, 2, 3: an RTL label starts with R or AL, holds no
// L, and ends with R, AL, EN or AN and any NSMs; 4 (not both EN and AN) is checked apart.
const LTR_CONDITIONS = /^L(?:[LEON]*[LE])?N*$/;
const RTL_CONDITIONS = /^R(?:[RAEON]*[RAE])?N*$/;
const RTL_LABEL = /[RA]/;
const meetsConditions = (classes) => LTR_CONDITIONS.test(classes) || (RTL_CONDITIONS.test(classes) && !(classes.includes("E") && classes.includes("A")));

/**
 * Whether the labels of a domain name (its U-labels, and its other labels as they are) meet the Bidi rule
 * (RFC 5893 section 2): if one of them is an RTL label (one with an R, AL or AN character), every one meets
 * the six conditions.
 */
export function meetsBidiRule(labels) {
  // Without a code point of those blocks no label is an RTL label.
  if (!labels.some((label) => RIGHT_TO_LEFT.test(label))) return true;
  const classes = labels.map((label) => Array.from(label, bidiClass).join(""));
  return !classes.some((c) => RTL_LABEL.test(c)) || classes.every(meetsConditions);
}

/** Whether a string has a character past U+007F. */
export const NON_ASCII = /[^\0-\x7F]/;
const STARTS_WITH_MARK = /^\p{M}/u;

/**
 * Whether `u` is a U-label (RFC 5890 section 2.3.2.1) as far as the label alone tells (the length of its
 * A-label and the Bidi rule, which meetsBidiRule checks of all the domain's labels at once, are for the
 * caller): it has a non-ASCII character, is NFC and passes RFC 5891 section 4.2.3.
 */
export function isULabel(u) {
  if (!NON_ASCII.test(u) || u.normalize("NFC") !== u) return false;
  const cps = [...u];
  // 4.2.3.1 (hyphens) and 4.2.3.2 (no combining mark first).
  if ((cps[2] === "-" && cps[3] === "-") || u.startsWith("-") || u.endsWith("-") || STARTS_WITH_MARK.test(u)) return false;
  return cps.every((_, at) => allowedAt(u, cps, at));
}

/**
 * The U-label that `label`, an LDH label that starts with `xn--` in any case, stands for if it is an
 * A-label (RFC 5890 section 2.3.2.1), else null: Punycode for a U-label. decodePunycode takes only what
 * encodePunycode writes (but for the case of its letters), so the label is, but for case, the A-label
 * its U-label gives, as RFC 5891 section 5.4 asks.
 */
export function decodeALabel(label) {
  const u = decodePunycode(label.slice(4));
  return u !== null && isULabel(u) ? u : null;
}
