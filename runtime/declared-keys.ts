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

const ROOT = [0];

/** Every key of `data` (at any depth) that nothing at its location declares, in document order. */
export function unknownKeys(table: readonly KeyNode[], data: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  if (table.length > 0 && !declaredFlat(table, data)) visit(table, ROOT, data, "", found);
  return found;
}

// The root's Location by table, in one lookup: every validation starts there.
const roots = new WeakMap<readonly KeyNode[], Location>();

/**
 * Whether `data` is an object whose schema has nothing below its keys to walk (a flat body, the
 * usual one) and declares every key it has: what `visit` would find nothing in, found without it.
 * An inherited key it does not declare makes this false, and `visit`, which reads own keys only, decides.
 */
function declaredFlat(table: readonly KeyNode[], data: unknown): boolean {
  let root = roots.get(table);
  if (root === undefined) roots.set(table, (root = locationOf(table, ROOT)));
  if (!root.leaf || data === null || typeof data !== "object" || Array.isArray(data)) return false;
  // Most keys are known by name: those are settled without the call.
  for (const key in data) if (!root.known.has(key) && undeclared(root, key)) return false;
  return true;
}

/** Whether nothing at a location declares `key`. */
function undeclared({ closed, known, patterns }: Location, key: string): boolean {
  return closed && !known.has(key) && !patterns.some((source) => matches(source, key));
}

/** What the subschemas that apply at one location say, taken together. */
interface Location {
  /** The subschemas: the starting ones and, transitively, those they apply in place, each once. */
  nodes: KeyNode[];
  closed: boolean;
  /** Every name they declare, in order. */
  known: Set<string>;
  /** Their `patternProperties` sources. */
  patterns: string[];
  /** No subschema for the value of any key: nothing below this location is walked. */
  leaf: boolean;
}

// A table is constant, so what a set of its subschemas says is worked out once: validation runs on
// every request, and a valid body should cost little more than the schema check.
const locations = new WeakMap<readonly KeyNode[], Map<number | string, Location>>();

function locationOf(table: readonly KeyNode[], start: readonly number[]): Location {
  let byStart = locations.get(table);
  if (byStart === undefined) locations.set(table, (byStart = new Map()));
  const id = start.length === 1 ? start[0]! : start.join(",");
  let location = byStart.get(id);
  if (location === undefined) {
    const nodes: KeyNode[] = [];
    const add = (n: number): void => {
      if (nodes.includes(table[n]!)) return;
      nodes.push(table[n]!);
      table[n]!.i?.forEach(add);
    };
    start.forEach(add);
    const has = (test: (n: KeyNode) => unknown): boolean => nodes.some(test);
    location = { nodes, closed: has((n) => n.c) && !has((n) => n.o), known: new Set(nodes.flatMap((n) => n.k ?? [])), patterns: nodes.flatMap((n) => n.pp ?? []), leaf: !has((n) => n.p || n.pc || n.a !== undefined) };
    byStart.set(id, location);
  }
  return location;
}

function visit(table: readonly KeyNode[], start: readonly number[], value: unknown, path: string, found: UnknownKey[]): void {
  if (value === null || typeof value !== "object" || start.length === 0) return;
  const location = locationOf(table, start);
  const { nodes, known, leaf } = location;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const byPosition = (n: KeyNode): number[] => (n.pi !== undefined && index < n.pi.length ? [n.pi[index]!] : n.ai !== undefined ? [n.ai] : []);
      const next = nodes.flatMap((n) => [...(n.it ?? []), ...byPosition(n)]);
      visit(table, next, item, pointer(path, index), found);
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (undeclared(location, key)) found.push({ instancePath: path, key, known: [...known] });
    if (leaf) continue;
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object") visit(table, subschemasOf(nodes, key), child, pointer(path, key), found);
  }
}

/** The subschemas that apply to the value of `key`: by name, by pattern, or as an additional property. */
function subschemasOf(nodes: readonly KeyNode[], key: string): number[] {
  const next: number[] = [];
  for (const n of nodes) {
    const named = n.p !== undefined && Object.hasOwn(n.p, key);
    if (named) next.push(n.p![key]!);
    const patterned = (n.pc ?? []).filter(([source]) => matches(source, key));
    patterned.forEach(([, child]) => next.push(child));
    if (!named && patterned.length === 0 && n.a !== undefined) next.push(n.a);
  }
  return next;
}
