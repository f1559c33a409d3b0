// Resolves a schema's `$ref`s to the subschemas they name, inside the one document: JSON pointers,
// embedded `$id` resources, `$anchor`s, `$dynamicAnchor`s (a plain anchor to `$ref` too) and
// draft-07 plain-name `$id`s ("#foo"). Nothing is fetched. Also says when a reference cannot be
// honoured because it loops back to itself without ever descending into the instance.
import { isObject } from "./model.js";
import { pointerSegment, type JsonSchema } from "./schema-check.js";

/**
 * The base URI of a document without `$id` (the parent base of its root): references resolve
 * against it like any other. A URL with a path, so that a relative `$id` ("item.json") starts a
 * resource of its own, as in Ajv.
 */
export const DOCUMENT_BASE = "https://request-schema.invalid/schema.json";

/** Keywords whose value is data, not schemas. */
const DATA = ["enum", "const", "default", "examples", "example"];

function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash === -1 ? uri : uri.slice(0, hash);
}

/** Decodes one JSON pointer segment of a URI fragment (percent-encoding, then RFC 6901). */
export function decodeSegment(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: used as written.
  }
  return text.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** What a reference names: the subschema, its base URI, and its JSON pointer from the root of the resource the reference names. */
export interface RefTarget {
  target: JsonSchema | boolean;
  base: string;
  pointer: string;
}

/** Resolves `ref` written in a node whose base URI is `base`; undefined when it names nothing here. */
export type RefResolver = (ref: string, base: string) => RefTarget | undefined;

export interface Refs {
  resolve: RefResolver;
  /** The base URI of the document's root. */
  rootBase: string;
  /**
   * Whether following `node`'s local `$ref` (and the `allOf`/`anyOf`/`oneOf` branches and `$ref`s
   * of what it reaches, all applied to the same value) comes back to `node`, whose base URI is
   * `base`: validating it would never end.
   */
  loopsToItself(node: JsonSchema, base: string): boolean;
  /**
   * The resources (by base URI) a 2019-09 `$recursiveRef: "#"` written in the resource `base` may
   * land on: that resource, and, when its root says `$recursiveAnchor: true`, every resource whose
   * root says so too (one of them may be the outermost of the dynamic scope).
   */
  recursiveTargets(base: string): string[];
}

/**
 * The base URI of `node` given its parent's: its own `$id` (without a fragment) resolved
 * against the parent's, or the parent's.
 */
export function baseOf(node: unknown, parentBase: string): string {
  if (!isObject(node) || typeof node.$id !== "string" || node.$id.startsWith("#")) return parentBase;
  try {
    return withoutFragment(new URL(node.$id, parentBase).href);
  } catch {
    return parentBase;
  }
}

/** The resolver for references inside `root`. It indexes `root` on its first use. */
export function refResolver(root: JsonSchema): Refs {
  const resources = new Map<string, JsonSchema>();
  const anchors = new Map<string, { node: JsonSchema; pointer: string }>();
  const rootBase = baseOf(root, DOCUMENT_BASE);
  // `pointer`: from the root of the resource `node` belongs to.
  const index = (node: unknown, parentBase: string, parentPointer: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => index(n, parentBase, `${parentPointer}/${i}`));
    if (!isObject(node)) return;
    const base = baseOf(node, parentBase);
    const pointer = base === parentBase ? parentPointer : "";
    if (base !== parentBase || node === root) resources.set(base, node);
    if (typeof node.$id === "string" && node.$id.includes("#") && node.$id.length > 1) {
      try {
        anchors.set(new URL(node.$id, parentBase).href, { node, pointer });
      } catch {
        // Not a URI: names nothing.
      }
    }
    for (const key of ["$anchor", "$dynamicAnchor"]) if (typeof node[key] === "string") anchors.set(`${base}#${node[key] as string}`, { node, pointer });
    for (const [key, value] of Object.entries(node)) if (!DATA.includes(key)) index(value, base, `${pointer}/${pointerSegment(key)}`);
  };
  let indexed = false;
  const indexOnce = (): void => {
    if (indexed) return;
    resources.set(DOCUMENT_BASE, root);
    index(root, DOCUMENT_BASE, "");
    indexed = true;
  };

  const resolve: RefResolver = (ref, base) => {
    indexOnce();
    let uri: URL;
    try {
      uri = new URL(ref, base);
    } catch {
      return undefined;
    }
    const resourceUri = withoutFragment(uri.href);
    const fragment = uri.hash.slice(1);
    if (fragment !== "" && !fragment.startsWith("/")) {
      const anchor = anchors.get(`${resourceUri}#${decodeSegment(fragment)}`);
      return anchor === undefined ? undefined : { target: anchor.node, base: resourceUri, pointer: anchor.pointer };
    }
    let node: unknown = resources.get(resourceUri);
    let nodeBase = resourceUri;
    if (node === undefined) return undefined;
    const keys = fragment === "" ? [] : fragment.slice(1).split("/").map(decodeSegment);
    for (const key of keys) {
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < node.length) node = node[Number(key)];
      else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
      nodeBase = baseOf(node, nodeBase);
    }
    const pointer = keys.map((key) => `/${pointerSegment(key)}`).join("");
    return typeof node === "boolean" || isObject(node) ? { target: node, base: nodeBase, pointer } : undefined;
  };

  const loopsToItself = (node: JsonSchema, base: string): boolean => {
    const seen = new Set<unknown>();
    const reaches = (current: unknown, currentBase: string): boolean => {
      if (!isObject(current)) return false;
      if (current === node && seen.size > 0) return true;
      if (seen.has(current)) return false;
      seen.add(current);
      if (typeof current.$ref === "string" && current.$ref.startsWith("#")) {
        const hit = resolve(current.$ref, currentBase);
        if (hit !== undefined && reaches(hit.target, hit.base)) return true;
      }
      for (const key of ["allOf", "anyOf", "oneOf"]) {
        const branches = current[key];
        if (Array.isArray(branches) && branches.some((branch) => reaches(branch, baseOf(branch, currentBase)))) return true;
      }
      return false;
    };
    return reaches(node, base);
  };
  const recursiveTargets = (base: string): string[] => {
    indexOnce();
    const anchored = (b: string): boolean => resources.get(b)?.$recursiveAnchor === true;
    return anchored(base) ? [base, ...[...resources.keys()].filter((b) => b !== base && anchored(b))] : [base];
  };

  return { resolve, rootBase, loopsToItself, recursiveTargets };
}
