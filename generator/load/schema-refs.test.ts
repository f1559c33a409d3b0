import { describe, expect, it } from "vitest";
import { refResolver } from "./schema-refs.js";

describe("refResolver", () => {
  it("resolves a plain name in the reference's own resource, not a same-named anchor of a nested one", () => {
    const bigint = { $anchor: "bigint", maximum: 10 };
    const smallint = { $id: "https://example.com/ids/", $anchor: "bigint", maximum: 2 };
    const { resolve, rootBase } = refResolver({ $id: "https://example.com/ids/base.json", $ref: "#bigint", $defs: { bigint, smallint } });
    expect(resolve("#bigint", rootBase)).toEqual({ target: bigint, base: "https://example.com/ids/base.json", pointer: "/$defs/bigint" });
    expect(resolve("#bigint", "https://example.com/ids/")).toEqual({ target: smallint, base: "https://example.com/ids/", pointer: "" });
  });

  it("takes a $dynamicAnchor and a draft-07 plain-name $id for anchors, with their pointers", () => {
    const foo = { $dynamicAnchor: "items", type: "string" };
    const bar = { $id: "#bar", type: "integer" };
    const { resolve, rootBase } = refResolver({ items: { $ref: "#items" }, $defs: { foo }, definitions: { bar } });
    expect(resolve("#items", rootBase)).toMatchObject({ target: foo, pointer: "/$defs/foo" });
    expect(resolve("#bar", rootBase)).toMatchObject({ target: bar, pointer: "/definitions/bar" });
  });

  it("resolves a pointer inside a resource a relative $id starts, and names nothing for what is missing", () => {
    const inner = { $id: "item.json", $defs: { a: { type: "string" } }, $ref: "#/$defs/a" };
    const { resolve, rootBase } = refResolver({ properties: { "a/b": { type: "null" }, item: inner } });
    const itemBase = new URL("item.json", rootBase).href;
    expect(resolve("#/$defs/a", itemBase)?.target).toEqual({ type: "string" });
    expect(resolve("#/$defs/a", rootBase)).toBeUndefined();
    expect(resolve("#/properties/a~1b", rootBase)).toMatchObject({ target: { type: "null" }, pointer: "/properties/a~1b" });
    expect(resolve("#/properties/%zz", rootBase)).toBeUndefined();
    expect(resolve("#nowhere", rootBase)).toBeUndefined();
  });

  it("says when a $ref only comes back to itself through the branches applied to the same value", () => {
    const loop = { $ref: "#/$defs/b" };
    const nested = { $ref: "#/$defs/c" };
    const root = { $defs: { a: loop, b: { allOf: [{ $ref: "#/$defs/a" }] }, c: { properties: { next: { $ref: "#/$defs/c" } } } }, properties: { x: nested } };
    const { loopsToItself, rootBase } = refResolver(root);
    expect(loopsToItself(loop, rootBase)).toBe(true);
    expect(loopsToItself(nested, rootBase)).toBe(false);
  });
});
