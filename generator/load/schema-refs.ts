// Resolves a schema's `$ref`s to the subschemas they name, inside the one document: JSON pointers,
// embedded `$id` resources, `$anchor`s and draft-07 plain-name `$id`s ("#foo"). Nothing is fetched.
import { isObject } from "./model.js";
import type { JsonSchema } from "./schema-check.js";

/** The base URI of a document without `$id`: references resolve against it like any other. */
const DOCUMENT_BASE = "urn:oxen-contracts:request-schema";


function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash === -1 ? uri : uri.slice(0, hash);
}

/** Resolves `ref` written in `node` (whose base URI is `base`); undefined when it names nothing here. */
export type RefResolver = (ref: string, base: string) => { target: JsonSchema | boolean; base: string } | undefined;

/** Every subschema reachable by any key, with its base URI, for `index`. */
function children(node: JsonSchema): [key: string, value: unknown][] {
  return Object.entries(node).filter(([key]) => key !== "enum" && key !== "const" && key !== "default" && key !== "examples" && key !== "example");
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

/** A resolver for references inside `root`, and the base URI of the root. */
export function refResolver(root: JsonSchema): { resolve: RefResolver; rootBase: string } {
  const resources = new Map<string, JsonSchema | boolean>();
  const anchors = new Map<string, JsonSchema>();
  const rootBase = baseOf(root, DOCUMENT_BASE);
  resources.set(DOCUMENT_BASE, root);
  const index = (node: unknown, parentBase: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => index(n, parentBase));
    if (!isObject(node)) return;
    const base = baseOf(node, parentBase);
    if (base !== parentBase || node === root) resources.set(base, node);
    if (typeof node.$id === "string" && node.$id.includes("#") && node.$id.length > 1) {
      try {
        anchors.set(new URL(node.$id, parentBase).href, node);
      } catch {
        // Not a URI: names nothing.
      }
    }
    for (const key of ["$anchor", "$dynamicAnchor"]) if (typeof node[key] === "string") anchors.set(`${base}#${node[key] as string}`, node);
    for (const [, value] of children(node)) index(value, base);
  };
  index(root, DOCUMENT_BASE);

  const resolve: RefResolver = (ref, base) => {
    let uri: URL;
    try {
      uri = new URL(ref, base);
    } catch {
      return undefined;
    }
    const resourceUri = withoutFragment(uri.href);
    const fragment = decodeURIComponent(uri.hash.slice(1));
    if (fragment !== "" && !fragment.startsWith("/")) {
      const node = anchors.get(`${resourceUri}#${fragment}`);
      return node === undefined ? undefined : { target: node, base: resourceUri };
    }
    let node: unknown = resources.get(resourceUri);
    let nodeBase = resourceUri;
    if (node === undefined) return undefined;
    for (const segment of fragment === "" ? [] : fragment.slice(1).split("/")) {
      const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(key)) node = node[Number(key)];
      else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
      nodeBase = baseOf(node, nodeBase);
    }
    return typeof node === "boolean" || isObject(node) ? { target: node, base: nodeBase } : undefined;
  };
  return { resolve, rootBase };
}
