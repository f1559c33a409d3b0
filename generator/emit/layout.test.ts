import { describe, expect, it } from "vitest";
import { indentCode } from "./layout.js";

describe("indentCode", () => {
  it("indents blocks and object literals two spaces a level, closers at their opener's level", () => {
    expect(indentCode("function f(a){\nif(a){\nreturn [\n1,\n2\n];\n}\nelse {\nreturn {x: 1};\n}\n}\n")).toBe(
      "function f(a){\n  if(a){\n    return [\n      1,\n      2\n    ];\n  }\n  else {\n    return {x: 1};\n  }\n}\n",
    );
  });

  it("ignores brackets inside strings and comments", () => {
    const code = 'const a = "{[(" + \'}\';\n/* { */\n// {\nif(x){\ny("\\"{");\n}\n';
    expect(indentCode(code)).toBe('const a = "{[(" + \'}\';\n/* { */\n// {\nif(x){\n  y("\\"{");\n}\n');
  });

  it("lines up JSDoc stars under the opening slash and keeps brackets in comments out of the count", () => {
    expect(indentCode("export interface X {\n/**\n * Uses { and [.\n * \n */\nx?: string\n}\n")).toBe(
      "export interface X {\n  /**\n   * Uses { and [.\n   *\n   */\n  x?: string\n}\n",
    );
  });

  it("drops runs of blank lines and trailing spaces", () => {
    expect(indentCode("a;   \n\n\n\nb;\n\n")).toBe("a;\n\nb;\n");
  });

  it("refuses template literals, whose lines it could not move safely", () => {
    expect(() => indentCode("const a = `x\n  y`;\n")).toThrow(/template literals/);
  });
});
