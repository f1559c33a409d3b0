import { describe, expect, it } from "vitest";
import { jsDoc, jsString, jsValue } from "../generator/emit/escape.js";
import { assignNames, fileStem, pascalName } from "../generator/emit/names.js";

describe("file stems", () => {
  it("keep ordinary ids and encode everything a file system or an import could misread", () => {
    expect(fileStem("ltx-2-3-quality-audio-to-video")).toBe("ltx-2-3-quality-audio-to-video");
    expect(fileStem("happyhorse-1.0-t2v")).toBe("happyhorse-1.0-t2v");
    expect(fileStem("a/b\\c")).toBe("a_2fb_5cc");
    expect(fileStem("..")).toBe("_2e_2e");
    expect(fileStem("x\u0000y")).toBe("x_00y");
    expect(fileStem("CON")).toBe("_43ON");
    expect(fileStem("a_b")).toBe("a_5fb");
    expect(fileStem("vidéo")).toBe("vid_c3_a9o");
    const long = fileStem("m".repeat(300));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).not.toBe(fileStem(`${"m".repeat(299)}n`));
  });

  it("refuse two ids that clash on a case-insensitive file system", () => {
    expect(() => assignNames(["Model-A", "model-a"])).toThrow(/"Model-A" and "model-a" map to the same file name/);
  });
});

describe("type names", () => {
  it("are PascalCase words, with letters after digits capitalised", () => {
    expect(pascalName("ltx-2-3-quality-audio-to-video")).toBe("Ltx23QualityAudioToVideo");
    expect(pascalName("happyhorse-1.0-t2v")).toBe("Happyhorse10T2V");
    expect(pascalName("3d-gen")).toBe("Model3DGen");
    expect(pascalName("---")).toBe("Model");
  });

  it("settle clashes with a hash of the id, never a counter", () => {
    const names = assignNames(["a-b", "a_b", "c"]);
    expect(names.get("a-b")!.base).toMatch(/^ABId[0-9A-Za-z]{8}$/);
    expect(names.get("a_b")!.base).toMatch(/^ABId[0-9A-Za-z]{8}$/);
    expect(names.get("a-b")!.base).not.toBe(names.get("a_b")!.base);
    expect(assignNames(["a_b", "a-b"]).get("a-b")).toEqual(names.get("a-b"));
    expect(names.get("c")!.base).toBe("C");
  });
});

describe("escaping", () => {
  const hostile = ["*/ alert(1) /*", "`${process.exit()}`", '"\'\\', "\u2028\u2029", "\u0000", "</script>", "{{x}}"];

  it("string literals evaluate back to the same string", () => {
    for (const s of hostile) expect(new Function(`return ${jsString(s)}`)()).toBe(s);
  });

  it("values evaluate back to equal values with __proto__ an own key", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "list": ["*/", 1, null], "nested": {"k": "</script>"}}');
    const back = new Function(`return ${jsValue(value)}`)();
    expect(back).toEqual(value);
    expect(Object.hasOwn(back, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("comments cannot be closed from inside", () => {
    for (const s of hostile) {
      const block = jsDoc([`before ${s} after`]);
      expect(block.match(/\*\//g)).toHaveLength(1);
      expect(() => new Function(`${block}\nreturn 1`)).not.toThrow();
    }
  });
});
