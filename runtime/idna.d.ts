/** The string that `input` (Punycode, without the `xn--` prefix) encodes (RFC 3492), or null if it is not Punycode. */
export declare function decodePunycode(input: string): string | null;
/** The Punycode for `input` (RFC 3492), without the `xn--` prefix. */
export declare function encodePunycode(input: string): string;
/** Whether the labels of a domain name (U-labels, and LDH labels as they are) meet the Bidi rule of RFC 5893. */
export declare function meetsBidiRule(labels: readonly string[]): boolean;
/** Whether `u` is an IDNA2008 U-label, but for the length of its A-label and the Bidi rule (meetsBidiRule, of the whole domain). */
/** Whether a string has a character past U+007F. */
export declare const NON_ASCII: RegExp;
export declare function isULabel(u: string): boolean;
/** The U-label that `label`, an LDH label that starts with `xn--` in any case, stands for if it is an IDNA2008 A-label; null if not. */
export declare function decodeALabel(label: string): string | null;
