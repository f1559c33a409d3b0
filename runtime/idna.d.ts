/** The string that `input` (Punycode, without the `xn--` prefix) encodes (RFC 3492), or null if it is not Punycode. */
export declare function decodePunycode(input: string): string | null;
/** Whether `label`, an LDH label that starts with `xn--` in any case, is an IDNA2008 A-label (Bidi rule aside). */
export declare function isALabel(label: string): boolean;
