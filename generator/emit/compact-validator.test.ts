// The compaction masks string literals by a hand-written scan for speed: it must say exactly what
// the regular expression it stands for says, `"(?:[^"\\\n]|\\.)*"` with each literal's content as `_`.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskStrings } from "./compact-validator.js";

const byRegExp = (code: string): string => code.replace(/"(?:[^"\\\n]|\\.)*"/g, (s) => `"${"_".repeat(s.length - 2)}"`);

describe("maskStrings", () => {
  it("masks what the regular expression masks, on the cases that tell them apart", () => {
    for (const code of ['a "b" c', '"a\\"b"', '"unclosed', '"a\n"b"', '"a\\\nb"', '"\\\\" "x"', '""', 'x("a", "b\\u2028")', '"a\\', '"\u2028"', '"\\\u2028x"', 'q"a"q"']) {
      expect(maskStrings(code), JSON.stringify(code)).toBe(byRegExp(code));
    }
  });

  it("masks what the regular expression masks, on any text of quotes, backslashes and line ends", () => {
    const text = fc.string({ unit: fc.constantFrom('"', "\\", "\n", "\r", "\u2028", "a", " ", "_") });
    fc.assert(fc.property(text, (code) => maskStrings(code) === byRegExp(code)), { numRuns: 20_000 });
  });
});
