// The schema the emitters get: the same meaning, in the one form each of them reads.
import type { Dialect } from "./dialect.js";
import { isKnownKeyword, KEYWORD_NAME } from "./keywords.js";
import { LocalRefs, segment, startsResource } from "./refs.js";

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keywords whose value is data, not a schema. */
const DATA = ["enum", "const", "default", "examples", "example"];
/** Keywords whose value maps names to schemas: its keys are names, not keywords. */
const MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies"];

/**
 * The schema with its references in the one form every emitter reads, and nothing an emitter
 * cannot take: a plain-name fragment (`#foo`) written as the JSON pointer of its anchor, a `$ref`
 * to a boolean schema replaced by what it means (`true` adds nothing; `false` accepts nothing), and
 * unknown keywords whose names no validator can register dropped (they are annotations). Pure.
 */
export function normalizeForEmit(schema: Node, dialect: Dialect): Node {
  // 2019-09 and later apply the keywords beside a `$ref`; draft-07 ignores them.
  const siblingsApply = dialect === "2019-09" || dialect === "2020-12";
  const refs = new LocalRefs(schema);
  // `resource`: the schema resource (the document, or a subschema with its own `$id`) a `$ref` in `node` is relative to.
  const visit = (node: unknown, key: string, resource: Node): unknown => {
    if (Array.isArray(node)) return node.map((child) => visit(child, "", resource));
    if (!isNode(node) || DATA.includes(key)) return node;
    const map = MAPS.includes(key);
    const scope = !map && startsResource(node) ? node : resource;
    const out: Node = {};
    for (const [k, v] of Object.entries(node)) {
      if (!map && !KEYWORD_NAME.test(k) && !isKnownKeyword(k, dialect)) continue;
      Object.defineProperty(out, k, { value: visit(v, map ? "" : k, scope), enumerable: true, writable: true, configurable: true });
    }
    if (map || typeof out.$ref !== "string" || !out.$ref.startsWith("#")) return out;
    const target = refs.target(out.$ref, scope);
    if (typeof target === "boolean") {
      const { $ref: _, ...siblings } = out;
      if (!siblingsApply) return target;
      return target ? siblings : false;
    }
    // Not on a resource's own node: Ajv (8.20) takes a schema holding only a pointer `$ref` for an
    // alias of its target and, on an embedded resource's root, resolves that alias without end.
    // Ajv, type-view and declared-keys all read the plain name there.
    const anchor = out.$ref.length > 1 && !out.$ref.startsWith("#/") && scope !== node ? refs.anchor(segment(out.$ref.slice(1)), scope) : undefined;
    if (anchor !== undefined) out.$ref = `#${anchor.pointer}`;
    return out;
  };
  return visit(schema, "", schema) as Node;
}
