// A published default that its own schema rejects: fal publishes `enum: ["129"]` with
// `default: 129`. Such a default is reported and left out of the generated `defaults`, since
// code typed by the schema cannot hold it.
import { isDeepStrictEqual } from "node:util";

type Node = Record<string, unknown>;

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Why `node.default` contradicts `node`'s own `type`, `enum` or `const`; undefined when it does not (or there is none). */
export function defaultContradiction(node: Node): string | undefined {
  if (!Object.hasOwn(node, "default")) return undefined;
  const value = node.default;
  const shown = JSON.stringify(value);
  if (node.nullable === true && value === null) return undefined;
  if (Array.isArray(node.enum) && !node.enum.some((allowed) => isDeepStrictEqual(allowed, value))) {
    return `default ${shown} is not one of the allowed values ${JSON.stringify(node.enum)}`;
  }
  if (Object.hasOwn(node, "const") && !isDeepStrictEqual(node.const, value)) return `default ${shown} is not the constant ${JSON.stringify(node.const)}`;
  const types = typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? (node.type as unknown[]) : undefined;
  if (types !== undefined) {
    const actual = jsonType(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return `default ${shown} is not of type ${types.join(" or ")}`;
  }
  return undefined;
}
