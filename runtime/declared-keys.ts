// The closed mode of validation: which keys of a request body nothing in its schema declares.
// The generator reduces a schema to a table of KeyNodes (generator/load/declared-keys.ts); this
// walks a body along it. Validity itself is the standalone validator's business: this only names
// keys, so it never changes the verdict on a declared one.

/**
 * What one subschema says about the keys of an object at its location. Indexes point into the
 * same table; `i` lists the subschemas applied in place (allOf, anyOf, oneOf, $ref, if/then/else,
 * dependentSchemas, never `not`), whose declarations count as this location's.
 */
export interface KeyNode {
  /** Lists its properties (`properties`/`patternProperties`): the location is closed to other keys. */
  c?: 1;
  /** Admits any other key (an `additionalProperties` or `unevaluatedProperties` schema): the location is open. */
  o?: 1;
  /** Names it declares: `properties`, `required`, dependencies. */
  k?: string[];
  /** `patternProperties` sources: a key matching one is declared. */
  pp?: string[];
  /** Subschema of each named property. */
  p?: Record<string, number>;
  /** Subschema of the keys each pattern matches. */
  pc?: [pattern: string, node: number][];
  /** Subschema of the keys neither `p` nor `pc` names. */
  a?: number;
  i?: number[];
  /** Subschemas of every item, of the items by position, and of those past the positions. */
  it?: number[];
  pi?: number[];
  ai?: number;
}

/** A key nothing declares, where it is (a JSON pointer, as Ajv's `instancePath`), and the names that are declared there. */
export interface UnknownKey {
  instancePath: string;
  key: string;
  known: string[];
}

const patterns = new Map<string, RegExp>();
function matches(source: string, key: string): boolean {
  let re = patterns.get(source);
  if (re === undefined) patterns.set(source, (re = new RegExp(source, "u")));
  return re.test(key);
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** Every key of `data` (at any depth) that nothing at its location declares, in document order. */
export function unknownKeys(table: readonly KeyNode[], data: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  const visit = (start: readonly number[], value: unknown, path: string): void => {
    if (value === null || typeof value !== "object" || start.length === 0) return;
    const nodes: KeyNode[] = [];
    const seen = new Set<number>();
    const add = (n: number): void => {
      if (seen.has(n)) return;
      seen.add(n);
      nodes.push(table[n]!);
      table[n]!.i?.forEach(add);
    };
    start.forEach(add);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const byPosition = (n: KeyNode): number[] => (n.pi !== undefined && index < n.pi.length ? [n.pi[index]!] : n.ai !== undefined ? [n.ai] : []);
        const next = nodes.flatMap((n) => [...(n.it ?? []), ...byPosition(n)]);
        visit(next, item, pointer(path, index));
      });
      return;
    }
    const closed = nodes.some((n) => n.c === 1) && !nodes.some((n) => n.o === 1);
    for (const key of Object.keys(value)) {
      const next: number[] = [];
      let declared = false;
      for (const n of nodes) {
        const named = n.p !== undefined && Object.hasOwn(n.p, key);
        if (named) next.push(n.p![key]!);
        const patterned = (n.pc ?? []).filter(([source]) => matches(source, key));
        patterned.forEach(([, child]) => next.push(child));
        if (!named && patterned.length === 0 && n.a !== undefined) next.push(n.a);
        declared ||= (n.k?.includes(key) ?? false) || (n.pp?.some((source) => matches(source, key)) ?? false);
      }
      if (closed && !declared) found.push({ instancePath: path, key, known: [...new Set(nodes.flatMap((n) => n.k ?? []))] });
      visit(next, (value as Record<string, unknown>)[key], pointer(path, key));
    }
  };
  if (table.length > 0) visit([0], data, "");
  return found;
}
