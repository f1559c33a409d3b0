import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = sortKeys((value as Record<string, unknown>)[key]);
      // defineProperty keeps a key named "__proto__" an own property; it is several times slower than assigning the others.
      if (key === "__proto__") Object.defineProperty(sorted, key, { value: child, enumerable: true, writable: true, configurable: true });
      else sorted[key] = child;
    }
    return sorted;
  }
  return value;
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The hash that identifies a request schema in lock.json and in generated headers. */
export function schemaHash(schema: unknown): string {
  return sha256(canonicalJson(schema ?? null));
}
