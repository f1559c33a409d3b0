import { describe, expect, it } from "vitest";
import { hasNestedQuantifier } from "./pattern-safety.js";

describe("hasNestedQuantifier", () => {
  it.each(["^(a+)+$", "(a*)*", "(\\w+\\s?)*$", "((ab)+c)+", "(x{2,})+", "(a|b+)+"])("flags %s", (p) => {
    expect(hasNestedQuantifier(p)).toBe(true);
  });

  it.each(["^[a-z]{2,8}-[0-9]+$", "^(ab)+$", "(a+)", "[(a+)+]", "\\(a+\\)+", "^\\d{1,3}(\\.\\d{1,3}){3}$", "(a{2,5})+"])("passes %s", (p) => {
    expect(hasNestedQuantifier(p)).toBe(false);
  });
});
