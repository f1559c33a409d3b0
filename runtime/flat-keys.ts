// The closed mode for the usual request schema, one object whose keys are all listed and nothing
// below them walked: its table is one closed node, `[{ c: 1, k: [...] }]`. What unknownKeys
// (declared-keys.ts) finds there, found without the general walk, which such a model's bundle
// then does not carry (the generator picks this one: generator/emit/validator-parts.ts).
import type { KeyNode, UnknownKey } from "./declared-keys.js";

/** Each flat table's names, made once: validation runs on every request. */
const names = new WeakMap<readonly KeyNode[], Set<string>>();

/** Every own key of `data` that a table of one closed node does not list, in document order. */
export function flatUnknownKeys(table: readonly KeyNode[], data: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  if (data === null || typeof data !== "object" || Array.isArray(data)) return found;
  let known = names.get(table);
  if (known === undefined) names.set(table, (known = new Set(table[0]?.k)));
  // Own keys come first in a for-in, in Object.keys' order; most are known by name, settled without the own-key test.
  for (const key in data) if (!known.has(key) && Object.hasOwn(data, key)) found.push({ instancePath: "", key, known: [...known] });
  return found;
}
