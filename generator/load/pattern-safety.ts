/**
 * Whether a regular expression has a quantified group that itself contains an unbounded
 * quantifier (`(a+)+`, `(\w*x)*`): the star height ≥ 2 that makes backtracking exponential.
 * A conservative test: some safe patterns of that shape are refused too, which the error says.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  // For each open group: whether an unbounded quantifier occurs inside it.
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") groups.push(false);
    else if (ch === ")") {
      const inner = groups.pop() ?? false;
      const quantified = unboundedQuantifierAt(pattern, i + 1);
      if (inner && quantified) return true;
      if ((inner || quantified) && groups.length > 0) groups[groups.length - 1] = true;
    } else if (unboundedQuantifierAt(pattern, i) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

/** `*`, `+` or `{n,}` starting at `i`. */
function unboundedQuantifierAt(pattern: string, i: number): boolean {
  const ch = pattern[i];
  return ch === "*" || ch === "+" || (ch === "{" && /^\{\d+,\}/.test(pattern.slice(i)));
}
