// The schema json-schema-to-typescript sees: a sound rewrite of the request schema into the few
// shapes it renders predictably (literal unions, plain types, objects, tuples, unions, named
// references). Sound means every value the validator accepts has the type: each subschema is
// over-approximated as a Form (the JSON types it admits, with their literals, object and array
// shapes), allOf/anyOf/oneOf/$ref/if-then-else combine Forms, and keywords a type cannot say
// (`not`, bounds, patterns) only widen it.
import { isObject } from "./model.js";
import type { JsonSchema } from "./schema-check.js";
import { refOverridesSiblings, schemaDialect } from "./dialect.js";
import { refResolver } from "./schema-refs.js";
import { INHERITED_NAMES } from "./inherited-names.js";
import { orderedPropertyNames, ownEntriesObject } from "./schema-views.js";

type Scalar = "null" | "boolean" | "string" | "number";
const SCALARS: Scalar[] = ["null", "boolean", "string", "number"];
/** A schema for json-schema-to-typescript, already sound. */
type Out = JsonSchema;
// json-schema-to-typescript reads a schema with only a description as an object: say unknown.
const UNKNOWN: Out = { tsType: "unknown" };
const NEVER: Out = { tsType: "never" };

interface ObjectShape {
  props: Map<string, { type: Out; required: boolean }>;
  /**
   * Other keys: declared, of a type (an index signature); not declared but of any value (`open`);
   * or none at all (`closed`).
   */
  rest: Out | "open" | "closed";
  /** Comes from a subschema that lists properties, so the closed mode rejects the keys it does not declare. */
  lists: boolean;
}

interface ArrayShape {
  prefix: Out[];
  min: number;
  /** Items past the prefix, or none. */
  rest: Out | false;
}

interface Form {
  /** Admitted scalar types: every value, or only these literals. */
  scalars: Map<Scalar, unknown[] | "any">;
  /** Admitted objects, as a union of shapes; undefined: none. */
  objects?: ObjectShape[];
  arrays?: ArrayShape[];
  /** Types the value also has (named references, combinations too large to expand). */
  also: Out[];
}

const anyObject = (): ObjectShape => ({ props: new Map(), rest: "open", lists: false });
const anyArray = (): ArrayShape => ({ prefix: [], min: 0, rest: UNKNOWN });
const all = (): Form => ({ scalars: new Map(SCALARS.map((s) => [s, "any"])), objects: [anyObject()], arrays: [anyArray()], also: [] });
const none = (): Form => ({ scalars: new Map(), also: [] });
const BESIDE_A_BARE_REF = ["$ref", "$id", "$comment", "title", "description", "default", "examples", "definitions", "$defs"];
/** Beyond this many shapes a product is left as an intersection. */
const MAX_SHAPES = 16;


/**
 * An optional property named like one of Object.prototype's (`constructor`, `toString`) also
 * admits the inherited member's type: TypeScript checks an object literal that leaves it out by
 * the member every object has (`{}` has a `constructor` that is a Function), so without it no
 * literal would have the type. The description stays on the property.
 */
function inheritedToo(name: string, type: Out): Out {
  // `__proto__` is left out: TypeScript types it as any other name.
  if (name === "__proto__" || !INHERITED_NAMES.has(name)) return type;
  const { description, ...rest } = type;
  return { ...(description !== undefined && { description }), anyOf: [rest, { tsType: `Object[${JSON.stringify(name)}]` }] };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function scalarOf(value: unknown): Scalar | "object" | "array" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  return t === "boolean" || t === "string" || t === "number" ? t : "object";
}

/** `a & b`, without the members that say nothing. */
function both(a: Out, b: Out): Out {
  if (same(a, UNKNOWN) || same(a, b)) return b;
  if (same(b, UNKNOWN)) return a;
  return { allOf: [a, b] };
}

function isAnyObject(s: ObjectShape): boolean {
  return s.props.size === 0 && s.rest === "open" && !s.lists;
}

function meetShapes(a: ObjectShape, b: ObjectShape): ObjectShape {
  const props = new Map<string, { type: Out; required: boolean }>();
  const restType = (rest: ObjectShape["rest"]): Out => (rest === "open" ? UNKNOWN : rest === "closed" ? NEVER : rest);
  for (const name of new Set([...a.props.keys(), ...b.props.keys()])) {
    const pa = a.props.get(name);
    const pb = b.props.get(name);
    props.set(name, { type: both(pa?.type ?? restType(a.rest), pb?.type ?? restType(b.rest)), required: (pa?.required ?? false) || (pb?.required ?? false) });
  }
  return { props, rest: meetRest(a.rest, b.rest), lists: a.lists || b.lists };
}

/** Other keys admitted by both: declared if either declares them. */
function meetRest(a: ObjectShape["rest"], b: ObjectShape["rest"]): ObjectShape["rest"] {
  if (a === "closed" || b === "closed") return "closed";
  if (a === "open") return b;
  if (b === "open") return a;
  return both(a, b);
}

function meetArrays(a: ArrayShape, b: ArrayShape): ArrayShape {
  const prefix: Out[] = [];
  for (let i = 0; i < Math.max(a.prefix.length, b.prefix.length); i++) {
    const ta = a.prefix[i] ?? a.rest;
    const tb = b.prefix[i] ?? b.rest;
    if (ta === false || tb === false) return { prefix, min: Math.max(a.min, b.min), rest: false };
    prefix.push(both(ta, tb));
  }
  const rest = a.rest === false || b.rest === false ? false : both(a.rest, b.rest);
  return { prefix, min: Math.max(a.min, b.min), rest };
}

function product<T>(xs: T[] | undefined, ys: T[] | undefined, meet: (x: T, y: T) => T): T[] | undefined | "too many" {
  if (xs === undefined || ys === undefined) return undefined;
  if (xs.length * ys.length > MAX_SHAPES) return "too many";
  return xs.flatMap((x) => ys.map((y) => meet(x, y)));
}

/** Values admitted by both. */
function meet(a: Form, b: Form, out: (f: Form) => Out): Form {
  const scalars = new Map<Scalar, unknown[] | "any">();
  for (const [s, va] of a.scalars) {
    const vb = b.scalars.get(s);
    if (vb === undefined) continue;
    scalars.set(s, va === "any" ? vb : vb === "any" ? va : va.filter((v) => vb.some((w) => same(v, w))));
  }
  const objects = product(a.objects, b.objects, meetShapes);
  const arrays = product(a.arrays, b.arrays, meetArrays);
  if (objects === "too many" || arrays === "too many") return { ...a, also: [...a.also, out(b)] };
  return { scalars, objects, arrays, also: [...a.also, ...b.also] };
}

/** Values admitted by either. */
function join(a: Form, b: Form, out: (f: Form) => Out): Form {
  if (a.also.length > 0 || b.also.length > 0) return { ...all(), also: [{ anyOf: [out(a), out(b)] }] };
  const scalars = new Map(a.scalars);
  for (const [s, vb] of b.scalars) {
    const va = scalars.get(s);
    scalars.set(s, va === undefined ? vb : va === "any" || vb === "any" ? "any" : [...va, ...vb.filter((v) => !va.some((w) => same(v, w)))]);
  }
  const union = <T>(xs: T[] | undefined, ys: T[] | undefined, isAny: (x: T) => boolean): T[] | undefined => {
    if (xs === undefined || ys === undefined) return xs ?? ys;
    const list = [...xs, ...ys];
    return list.find(isAny) !== undefined ? [list.find(isAny)!] : list;
  };
  return {
    scalars,
    objects: withSiblingKeys(union(a.objects, b.objects, isAnyObject)),
    arrays: union(a.arrays, b.arrays, (s) => s.prefix.length === 0 && s.rest !== false && same(s.rest, UNKNOWN)),
    also: [],
  };
}

/**
 * Alternatives that each also name, as optional and of any value, the keys their siblings declare:
 * such a key is declared at the location (the closed mode lets it through) and unconstrained in
 * the alternatives that do not name it, and TypeScript checks an object literal's key against
 * every alternative that names it.
 */
function withSiblingKeys(shapes: ObjectShape[] | undefined): ObjectShape[] | undefined {
  if (shapes === undefined || shapes.length < 2) return shapes;
  const names = new Set(shapes.flatMap((s) => [...s.props.keys()]));
  return shapes.map((shape) => {
    if (shape.rest === "closed") return shape;
    const props = new Map(shape.props);
    for (const n of names) if (!props.has(n)) props.set(n, { type: UNKNOWN, required: false });
    return { ...shape, props };
  });
}

/** A name of letters and digits for a reference, from the last part of what it points to. */
function refName(ref: string): string {
  const last = ref.split(/[/#]/).filter(Boolean).pop() ?? "";
  const words = last.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Def${name}`;
}

/**
 * The schema json-schema-to-typescript compiles into the input type `rootTitle`, with the JSDoc
 * text `describe` makes of each subschema as its `description`. Referenced subschemas become
 * definitions named `<rootTitle><Name>`, so no name can collide with anything the module imports.
 */
export function typeSchema(schema: JsonSchema, rootTitle: string, describe: (node: JsonSchema, name?: string) => string): JsonSchema {
  const dialect = schemaDialect(schema);
  const { resolve, rootBase, recursiveTargets } = refResolver(schema);
  const definitions: Record<string, Out> = {};
  const named = new Map<JsonSchema, string>();
  const taken = new Set<string>([rootTitle]);

  const withDoc = (node: JsonSchema | boolean, type: Out, name?: string): Out => {
    const text = typeof node === "boolean" ? "" : describe(node, name);
    if (text === "") return type;
    return "$ref" in type ? { allOf: [type], description: text } : { ...type, description: text };
  };
  const sub = (node: unknown, base: string, name?: string): Out => (isObject(node) || typeof node === "boolean" ? withDoc(node, out(form(node, base)), name) : UNKNOWN);

  const reference = (ref: string, base: string): Out => {
    const hit = resolve(ref, base);
    // A reference the loader let through but that names nothing here: any value.
    if (hit === undefined) return UNKNOWN;
    if (typeof hit.target === "boolean") return out(form(hit.target, hit.base));
    // A chain of references that only leads back to itself constrains nothing.
    if (loopsBack(hit.target, hit.base)) return UNKNOWN;
    let name = named.get(hit.target);
    if (name === undefined) {
      name = `${rootTitle}${refName(ref)}`;
      for (let n = 2; taken.has(name); n++) name = `${rootTitle}${refName(ref)}${n}`;
      taken.add(name);
      named.set(hit.target, name);
      definitions[name] = { ...withDoc(hit.target, out(form(hit.target, hit.base))), title: name };
    }
    return { $ref: `#/definitions/${name}` };
  };

  const loopsBack = (start: JsonSchema, startBase: string): boolean => {
    const seen = new Set<JsonSchema>();
    let node: JsonSchema | boolean = start;
    let base = startBase;
    // In draft-07 `$ref` overrides its siblings; later, only annotations and definitions may sit beside it.
    const onlyRef = (n: JsonSchema): boolean => typeof n.$ref === "string" && (refOverridesSiblings(dialect) || Object.keys(n).every((k) => BESIDE_A_BARE_REF.includes(k) || k.startsWith("x-")));
    while (typeof node !== "boolean" && onlyRef(node)) {
      if (seen.has(node)) return true;
      seen.add(node);
      const next = resolve(node.$ref as string, base);
      if (next === undefined) return false;
      ({ target: node, base } = next);
    }
    return false;
  };

  const own = (node: JsonSchema, base: string): Form => {
    const types = new Set<string>(node.type === undefined ? [...SCALARS, "object", "array"] : (Array.isArray(node.type) ? node.type : [node.type]).map((t) => (t === "integer" ? "number" : String(t))));
    if (node.nullable === true) types.add("null");
    let literals: unknown[] | undefined = Array.isArray(node.enum) ? node.enum : undefined;
    if (node.const !== undefined) literals = (literals ?? [node.const]).filter((v) => same(v, node.const));
    const admits = (t: string): boolean => types.has(t) && (literals === undefined || literals.some((v) => scalarOf(v) === t));
    const f = none();
    for (const s of SCALARS) if (admits(s)) f.scalars.set(s, literals === undefined ? "any" : literals.filter((v) => scalarOf(v) === s));
    if (admits("object")) f.objects = [objectShape(node, base)];
    if (admits("array")) f.arrays = [arrayShape(node, base)];
    return f;
  };

  const objectShape = (node: JsonSchema, base: string): ObjectShape => {
    const required = new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === "string") : []);
    const properties = isObject(node.properties) ? node.properties : {};
    const patterns = isObject(node.patternProperties) ? Object.values(node.patternProperties) : [];
    const extra = node.additionalProperties;
    const props = new Map<string, { type: Out; required: boolean }>();
    for (const name of orderedPropertyNames(node)) props.set(name, { type: sub(properties[name], base, name), required: required.has(name) });
    const restOut = isObject(extra) ? sub(extra, base) : UNKNOWN;
    for (const name of required) if (!props.has(name)) props.set(name, { type: patterns.length === 0 ? restOut : UNKNOWN, required: true });
    let rest: ObjectShape["rest"];
    if (extra === false && patterns.length === 0) rest = "closed";
    else if (isObject(extra)) rest = { anyOf: [restOut, ...patterns.map((p) => sub(p, base)), ...[...props.values()].map((p) => p.type)] };
    else if (extra === true || patterns.length > 0 || node.unevaluatedProperties === true || isObject(node.unevaluatedProperties)) rest = UNKNOWN;
    else rest = "open";
    return { props, rest, lists: isObject(node.properties) || patterns.length > 0 };
  };

  const arrayShape = (node: JsonSchema, base: string): ArrayShape => {
    const positional = dialect === "2020-12" ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
    const after = dialect === "2020-12" ? node.items : Array.isArray(node.items) ? node.additionalItems : node.items;
    const min = typeof node.minItems === "number" ? node.minItems : 0;
    const prefix = Array.isArray(positional) ? positional.map((c) => sub(c, base)) : [];
    return { prefix, min, rest: after === false ? false : after === undefined || after === true ? UNKNOWN : sub(after, base) };
  };

  /** Where a `$recursiveRef` may land, joined: its own resource, or an outer one that also has `$recursiveAnchor: true`. */
  const recursiveForm = (base: string): Form => recursiveTargets(base).map((target): Form => ({ ...all(), also: [reference("#", target)] })).reduce((x, y) => join(x, y, out));

  const form = (node: JsonSchema | boolean, parentBase: string): Form => {
    if (node === true) return all();
    if (node === false) return none();
    const base = typeof node.$id === "string" && !node.$id.startsWith("#") ? safeBase(node.$id, parentBase) : parentBase;
    // A dynamic reference can land elsewhere at run time: it adds nothing the type can rely on.
    const refs = ["$ref", "$recursiveRef"].filter((k) => typeof node[k] === "string");
    if (refOverridesSiblings(dialect) && refs.includes("$ref")) return { ...all(), also: [reference(node.$ref as string, base)] };
    let f = own(node, base);
    for (const key of refs) f = meet(f, key === "$recursiveRef" ? recursiveForm(base) : { ...all(), also: [reference(node[key] as string, base)] }, out);
    for (const branch of Array.isArray(node.allOf) ? node.allOf : []) f = meet(f, form(branch as JsonSchema, base), out);
    for (const key of ["anyOf", "oneOf"]) {
      if (!Array.isArray(node[key]) || (node[key] as unknown[]).length === 0) continue;
      const branches = (node[key] as JsonSchema[]).map((b) => form(b, base));
      f = meet(f, branches.reduce((x, y) => join(x, y, out)), out);
    }
    // Without `if`, `then` and `else` are ignored.
    if (node.if !== undefined && (node.then !== undefined || node.else !== undefined)) {
      const branch = (b: unknown): Form => (isObject(b) || typeof b === "boolean" ? form(b, base) : all());
      f = meet(f, join(branch(node.then), branch(node.else), out), out);
    }
    return withConditionalKeys(f, node);
  };

  /** Keys only conditional subschemas declare (if/then/else, dependencies): optional, of any value, since they are unconstrained when the condition fails. */
  const withConditionalKeys = (f: Form, node: JsonSchema): Form => {
    const names = new Set<string>();
    for (const b of [node.if, node.then, node.else, ...Object.values(isObject(node.dependencies) ? node.dependencies : {}), ...Object.values(isObject(node.dependentSchemas) ? node.dependentSchemas : {})]) {
      if (isObject(b) && isObject(b.properties)) Object.keys(b.properties).forEach((n) => names.add(n));
    }
    if (names.size === 0 || f.objects === undefined) return f;
    const objects = f.objects.map((shape) => {
      if (shape.rest === "closed") return shape;
      const props = new Map(shape.props);
      for (const n of names) if (!props.has(n)) props.set(n, { type: UNKNOWN, required: false });
      return { ...shape, props };
    });
    return { ...f, objects };
  };

  const out = (f: Form): Out => {
    const members: Out[] = [];
    const anyScalars = SCALARS.filter((s) => f.scalars.get(s) === "any");
    const literals = [...f.scalars.values()].flatMap((v) => (v === "any" ? [] : v));
    const everything = anyScalars.length === SCALARS.length && f.objects?.length === 1 && isAnyObject(f.objects[0]!) && f.arrays?.length === 1 && f.arrays[0]!.prefix.length === 0 && f.arrays[0]!.rest !== false && same(f.arrays[0]!.rest, UNKNOWN);
    if (!everything) {
      if (anyScalars.length > 0) members.push({ type: anyScalars.length === 1 ? anyScalars[0] : anyScalars });
      if (literals.length > 0) members.push({ enum: literals });
      for (const shape of f.arrays ?? []) members.push(...arrayOut(shape));
      for (const shape of f.objects ?? []) members.push(objectOut(shape));
    }
    const base = everything ? UNKNOWN : members.length === 0 ? NEVER : members.length === 1 ? members[0]! : { anyOf: members };
    return f.also.reduce(both, base);
  };

  const objectOut = (shape: ObjectShape): Out => {
    const properties = ownEntriesObject([...shape.props].map(([name, p]) => [name, p.required ? p.type : inheritedToo(name, p.type)]));
    const required = [...shape.props].filter(([, p]) => p.required).map(([n]) => n);
    // Other keys of an object that lists none are declared: the closed mode lets them through.
    const rest = shape.rest === "closed" || (shape.rest === "open" && shape.lists) ? false : shape.rest === "open" ? UNKNOWN : shape.rest;
    return { type: "object", properties, ...(required.length > 0 && { required }), additionalProperties: rest };
  };

  const arrayOut = (shape: ArrayShape): Out[] => {
    const { prefix, rest } = shape;
    if (prefix.length === 0) return [rest === false ? { tsType: "[]" } : { type: "array", items: rest }];
    const variants: Out[] = [];
    for (let length = Math.min(shape.min, prefix.length); length < prefix.length; length++) {
      variants.push(length === 0 ? { tsType: "[]" } : { type: "array", items: prefix.slice(0, length), additionalItems: false });
    }
    variants.push({ type: "array", items: prefix, additionalItems: rest });
    return variants;
  };

  const root = { ...withDoc(schema, out(form(schema, rootBase))), title: rootTitle };
  return Object.keys(definitions).length === 0 ? root : { ...root, definitions };
}

function safeBase(id: string, parent: string): string {
  try {
    return new URL(id, parent).href.replace(/#.*$/, "");
  } catch {
    return parent;
  }
}
