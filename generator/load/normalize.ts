// The schema the emitters get: the same meaning, in the one form each of them reads.
import type { Dialect } from "./dialect.js";
import { isKnownKeyword, KEYWORD_NAME } from "./keywords.js";
import { anchorsOf, LocalRefs, segment } from "./refs.js";

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
  const anchors = anchorsOf(schema);
  const visit = (node: unknown, key: string): unknown => {
    if (Array.isArray(node)) return node.map((child) => visit(child, ""));
    if (!isNode(node) || DATA.includes(key)) return node;
    const map = MAPS.includes(key);
    const out: Node = {};
    for (const [k, v] of Object.entries(node)) {
      if (!map && !KEYWORD_NAME.test(k) && !isKnownKeyword(k, dialect)) continue;
      Object.defineProperty(out, k, { value: map ? visit(v, "") : visit(v, k), enumerable: true, writable: true, configurable: true });
    }
    if (map || typeof out.$ref !== "string" || !out.$ref.startsWith("#")) return out;
    const target = refs.target(out.$ref);
    if (typeof target === "boolean") {
      const { $ref: _, ...siblings } = out;
      if (!siblingsApply) return target;
      return target ? siblings : false;
    }
    const anchor = out.$ref.length > 1 && !out.$ref.startsWith("#/") ? anchors.get(segment(out.$ref.slice(1))) : undefined;
    if (anchor !== undefined) out.$ref = `#${anchor.pointer}`;
    return out;
  };
  return visit(schema, "") as Node;
}
