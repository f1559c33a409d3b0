// Local `$ref`s: where each one points, and the two ways a reference cannot be honoured (it
// points nowhere, or it loops back to itself without ever descending into the instance).

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Decodes one JSON pointer segment of a URI fragment (RFC 6901 and percent-encoding). */
export function segment(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: used as written.
  }
  return text.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Whether `node` starts a schema resource of its own: a `$id` other than a plain name ("#foo"). */
export function startsResource(node: Node): boolean {
  return typeof node.$id === "string" && !node.$id.startsWith("#");
}

/**
 * Where each plain-name fragment (`#foo`) of the schema resource `resource` is declared (`$anchor`,
 * `$dynamicAnchor`, which is a plain anchor to `$ref` too, or draft-07's `$id: "#foo"`): the node
 * and its JSON pointer from `resource`. Resources nested in it (their own `$id`) have their own names.
 */
export function anchorsOf(resource: Node): Map<string, { node: unknown; pointer: string }> {
  const anchors = new Map<string, { node: unknown; pointer: string }>();
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${pointer}/${i}`));
    if (!isNode(node) || (node !== resource && startsResource(node))) return;
    for (const key of ["$anchor", "$dynamicAnchor"]) if (typeof node[key] === "string") anchors.set(node[key] as string, { node, pointer });
    if (typeof node.$id === "string" && node.$id.startsWith("#") && node.$id.length > 1) anchors.set(node.$id.slice(1), { node, pointer });
    // Enum and const values and examples are data, not schemas.
    for (const [key, value] of Object.entries(node)) {
      if (!["enum", "const", "default", "examples", "example"].includes(key)) visit(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  };
  visit(resource, "");
  return anchors;
}

/** Resolves the `$ref`s of one schema document (`root`). */
export class LocalRefs {
  private readonly anchors = new Map<Node, Map<string, { node: unknown; pointer: string }>>();
  constructor(private readonly root: Node) {}

  /** The plain name `name` (`#name`, decoded) of the resource `resource`: its node and pointer from `resource`. */
  anchor(name: string, resource: Node = this.root): { node: unknown; pointer: string } | undefined {
    let anchors = this.anchors.get(resource);
    if (anchors === undefined) this.anchors.set(resource, (anchors = anchorsOf(resource)));
    return anchors.get(name);
  }

  /** The schema `ref` ("#", "#/a/b", "#name") points at, or undefined when there is none. */
  target(ref: string, resource: Node = this.root): unknown {
    const fragment = ref.slice(1);
    if (fragment === "") return resource;
    if (!fragment.startsWith("/")) return this.anchor(segment(fragment), resource)?.node;
    let node: unknown = resource;
    for (const raw of fragment.slice(1).split("/")) {
      const key = segment(raw);
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < node.length) node = node[Number(key)];
      else if (isNode(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
    }
    return node === true || node === false || isNode(node) ? node : undefined;
  }

  /**
   * Whether following `node`'s `$ref` (and the `allOf`/`anyOf`/`oneOf` branches and `$ref`s of what it
   * reaches, all applied to the same value) comes back to `node`: validating it would never end.
   */
  loopsToItself(node: Node, resource: Node = this.root): boolean {
    const seen = new Set<unknown>();
    const reaches = (current: unknown): boolean => {
      if (!isNode(current)) return false;
      if (current === node && seen.size > 0) return true;
      if (seen.has(current)) return false;
      seen.add(current);
      const next: unknown[] = [];
      if (typeof current.$ref === "string" && current.$ref.startsWith("#")) next.push(this.target(current.$ref, resource));
      for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(current[key])) next.push(...(current[key] as unknown[]));
      return next.some(reaches);
    };
    return reaches(node);
  }
}

