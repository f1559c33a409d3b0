// The schema the emitters get: the same meaning, in the one form each of them reads.
import type { Dialect } from "./dialect.js";
import { isKnownKeyword, KEYWORD_NAME } from "./keywords.js";
import { baseOf, DOCUMENT_BASE, refResolver } from "./schema-refs.js";

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
 * to a boolean schema replaced by what it means (`true` adds nothing; `false` accepts nothing), a
 * draft-07 `$id` beside a `$ref` (which ignores it) left out, and
 * unknown keywords whose names no validator can register dropped (they are annotations). Pure.
 */
export function normalizeForEmit(schema: Node, dialect: Dialect): Node {
  // 2019-09 and later apply the keywords beside a `$ref`; draft-07 ignores them.
  const siblingsApply = dialect === "2019-09" || dialect === "2020-12";
  const { resolve } = refResolver(schema);
  // `parentBase`: the base URI of the schema holding `node`, against which `node`'s own `$id` resolves.
  const visit = (node: unknown, key: string, parentBase: string): unknown => {
    if (Array.isArray(node)) return node.map((child) => visit(child, "", parentBase));
    if (!isNode(node) || DATA.includes(key)) return node;
    const map = MAPS.includes(key);
    // In draft-07 a `$ref` overrides its siblings, `$id` too: it neither changes the base nor names a resource.
    const refOnly = !map && !siblingsApply && typeof node.$ref === "string";
    const base = map || refOnly ? parentBase : baseOf(node, parentBase);
    const out: Node = {};
    for (const [k, v] of Object.entries(node)) {
      if (!map && !KEYWORD_NAME.test(k) && !isKnownKeyword(k, dialect)) continue;
      if (refOnly && k === "$id") continue;
      Object.defineProperty(out, k, { value: visit(v, map ? "" : k, base), enumerable: true, writable: true, configurable: true });
    }
    if (map || typeof out.$ref !== "string" || !out.$ref.startsWith("#")) return out;
    const hit = resolve(out.$ref, base);
    if (typeof hit?.target === "boolean") {
      const { $ref: _, ...siblings } = out;
      if (!siblingsApply) return hit.target;
      return hit.target ? siblings : false;
    }
    // Not on a resource's own node: Ajv (8.20) takes a schema holding only a pointer `$ref` for an
    // alias of its target and, on an embedded resource's root, resolves that alias without end.
    // Ajv, type-view and declared-keys all read the plain name there.
    const ownNode = node === schema || base !== parentBase;
    if (hit !== undefined && out.$ref.length > 1 && !out.$ref.startsWith("#/") && !ownNode) out.$ref = `#${hit.pointer}`;
    return out;
  };
  return visit(schema, "", DOCUMENT_BASE) as Node;
}
