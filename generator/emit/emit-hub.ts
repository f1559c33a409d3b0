import openapiTS, { astToString } from "openapi-typescript";
import { InputError } from "../../cli/errors.js";
import { pointerSegment } from "../load/schema-check.js";

/** The first `$ref` that points outside the document, as a JSON pointer to it, or undefined. */
function externalRef(node: unknown, pointer = ""): string | undefined {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) {
      const found = externalRef(child, `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
  } else if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && (typeof child !== "string" || !child.startsWith("#"))) return `${pointer}/$ref`;
      const found = externalRef(child, `${pointer}/${pointerSegment(key)}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Types for the API envelope (model objects, queue rows, responses) from Oxen's OpenAPI document. */
export async function emitHubTypes(document: Record<string, unknown>, label: string): Promise<string> {
  const external = externalRef(document);
  if (external !== undefined) {
    throw new InputError(`${label}#${external}: only local references ("#/...") are supported; remote and file references are never fetched`);
  }
  try {
    return astToString(await openapiTS(document as never, { alphabetize: true }));
  } catch (error) {
    throw new InputError(`${label}: cannot turn the OpenAPI document into types: ${(error as Error).message}`);
  }
}
