// The table the closed mode of validation walks (runtime/declared-keys.ts): for each subschema,
// the keys it declares and the subschemas it applies, with `$ref`s resolved. `not` is never
// followed: what a negated schema lists is what the body must not be, not what it may hold.
import type { KeyNode } from "../../runtime/declared-keys.js";
import { isObject } from "./model.js";
import type { JsonSchema } from "./schema-check.js";
import { refOverridesSiblings, schemaDialect } from "./dialect.js";
import { baseOf, refResolver } from "./schema-refs.js";
import { ownEntriesObject } from "./schema-views.js";

const IN_PLACE_LISTS = ["allOf", "anyOf", "oneOf"];
const IN_PLACE_SINGLES = ["if", "then", "else"];
const REF_KEYS = ["$ref", "$dynamicRef", "$recursiveRef"];



/**
 * The KeyNode table of a request schema, its root first; only the subschemas that can lead to a
 * closed location are kept, so a schema with no nested objects yields a single node.
 */
export function declaredKeyTable(schema: JsonSchema): KeyNode[] {
  const dialect = schemaDialect(schema);
  const draft7 = refOverridesSiblings(dialect);
  const { resolve, rootBase } = refResolver(schema);
  const table: KeyNode[] = [];
  const ids = new Map<unknown, number>();

  const build = (node: JsonSchema | boolean, parentBase: string): number => {
    const known = ids.get(node);
    if (known !== undefined && typeof node !== "boolean") return known;
    const id = table.length;
    const entry: KeyNode = {};
    table.push(entry);
    if (typeof node === "boolean") return id;
    ids.set(node, id);
    const base = baseOf(node, parentBase);
    const child = (value: unknown): number | undefined => (isObject(value) || typeof value === "boolean" ? build(value, base) : undefined);
    const inPlace: number[] = [];
    for (const key of REF_KEYS) {
      if (typeof node[key] !== "string") continue;
      const hit = key === "$recursiveRef" ? { target: schema, base: rootBase } : resolve(node[key] as string, base);
      if (hit !== undefined) inPlace.push(build(hit.target, hit.base));
    }
    // Draft-07 ignores every keyword beside `$ref`.
    if (draft7 && typeof node.$ref === "string") {
      if (inPlace.length > 0) entry.i = inPlace;
      return id;
    }
    const names: string[] = [];
    if (isObject(node.properties)) {
      entry.c = 1;
      names.push(...Object.keys(node.properties));
      entry.p = ownEntriesObject(Object.entries(node.properties).map(([k, v]) => [k, child(v)!] as [string, number]));
    }
    if (isObject(node.patternProperties)) {
      entry.c = 1;
      entry.pp = Object.keys(node.patternProperties);
      entry.pc = Object.entries(node.patternProperties).map(([k, v]) => [k, child(v)!]);
    }
    if (Array.isArray(node.required)) names.push(...node.required.filter((r): r is string => typeof r === "string"));
    for (const key of ["dependencies", "dependentRequired", "dependentSchemas"]) {
      if (!isObject(node[key])) continue;
      for (const [name, value] of Object.entries(node[key])) {
        names.push(name);
        if (Array.isArray(value)) names.push(...value.filter((r): r is string => typeof r === "string"));
        else inPlace.push(child(value)!);
      }
    }
    for (const key of ["additionalProperties", "unevaluatedProperties"]) {
      if (node[key] === undefined || node[key] === false) continue;
      entry.o = 1;
      if (key === "additionalProperties" || entry.a === undefined) entry.a = child(node[key]);
    }
    for (const key of IN_PLACE_LISTS) if (Array.isArray(node[key])) inPlace.push(...(node[key] as unknown[]).map((v) => child(v)!));
    for (const key of IN_PLACE_SINGLES) if (node[key] !== undefined) inPlace.push(child(node[key])!);
    const positional = dialect !== "2020-12" ? (Array.isArray(node.items) ? node.items : undefined) : (node.prefixItems as unknown[] | undefined);
    const rest = dialect !== "2020-12" ? node.additionalItems : Array.isArray(node.prefixItems) ? node.items : undefined;
    const every = [positional === undefined && !Array.isArray(node.items) ? node.items : undefined, node.contains, node.unevaluatedItems];
    if (Array.isArray(positional)) entry.pi = positional.map((v) => child(v)!);
    if (Array.isArray(positional) && rest !== undefined) entry.ai = child(rest);
    const items = every.map(child).filter((n): n is number => n !== undefined);
    if (items.length > 0) entry.it = items;
    if (names.length > 0) entry.k = [...new Set(names)];
    if (inPlace.length > 0) entry.i = inPlace;
    return id;
  };
  build(schema, rootBase);
  return prune(table);
}

/** Children of a node, by index. */
function edges(n: KeyNode): number[] {
  return [...Object.values(n.p ?? {}), ...(n.pc ?? []).map(([, c]) => c), ...(n.a === undefined ? [] : [n.a]), ...(n.i ?? []), ...(n.it ?? []), ...(n.pi ?? []), ...(n.ai === undefined ? [] : [n.ai])];
}

/**
 * Keeps the nodes from which a closed node can be reached, renumbered; a reference to a dropped
 * node is dropped (a positional one becomes a node that declares nothing). Empty when nothing closes.
 */
function prune(table: KeyNode[]): KeyNode[] {
  const useful = new Set<number>();
  let changed = true;
  while (changed) {
    changed = false;
    table.forEach((n, i) => {
      if (!useful.has(i) && (n.c === 1 || edges(n).some((e) => useful.has(e)))) {
        useful.add(i);
        changed = true;
      }
    });
  }
  if (!useful.has(0)) return [];
  // A node merged in place into a kept one (a branch, a `$ref` target) declares its keys (`required`,
  // patterns) and openness there, even when nothing below it closes: keep every such node too.
  const inPlace = [...useful];
  while (inPlace.length > 0) {
    for (const c of table[inPlace.pop()!]!.i ?? []) if (!useful.has(c)) useful.add(c), inPlace.push(c);
  }
  const kept = [...useful].sort((a, b) => a - b);
  // A positional item must keep its place: an inert one points to a shared empty node.
  const empty = table.length;
  const renumber = new Map([...kept.map((old, i) => [old, i] as const), [empty, kept.length]]);
  let usedEmpty = false;
  const map = (old: number | undefined): number | undefined => (old !== undefined && useful.has(old) ? renumber.get(old) : undefined);
  const out = kept.map((old) => {
    const n = table[old]!;
    const m: KeyNode = {};
    if (n.c) m.c = 1;
    if (n.o) m.o = 1;
    if (n.k) m.k = n.k;
    if (n.pp) m.pp = n.pp;
    const p = Object.entries(n.p ?? {}).filter(([, c]) => useful.has(c));
    if (p.length > 0) m.p = ownEntriesObject(p.map(([k, c]) => [k, map(c)!]));
    const pc = (n.pc ?? []).filter(([, c]) => useful.has(c));
    if (pc.length > 0) m.pc = pc.map(([k, c]) => [k, map(c)!]);
    if (map(n.a) !== undefined) m.a = map(n.a);
    for (const key of ["i", "it"] as const) {
      const list = (n[key] ?? []).filter((c) => useful.has(c)).map((c) => map(c)!);
      if (list.length > 0) m[key] = list;
    }
    if (n.pi?.some((c) => useful.has(c))) {
      m.pi = n.pi.map((c) => map(c) ?? ((usedEmpty = true), renumber.get(empty)!));
    }
    if (map(n.ai) !== undefined) {
      m.ai = map(n.ai);
      m.pi ??= (n.pi ?? []).map(() => ((usedEmpty = true), renumber.get(empty)!));
    }
    return m;
  });
  if (usedEmpty) out.push({});
  return out;
}
