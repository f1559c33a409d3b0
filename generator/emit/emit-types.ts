import { compile } from "json-schema-to-typescript";
import { jsDocText } from "./escape.js";
import { indentCode } from "./layout.js";
import type { JsonSchema } from "../load/schema-check.js";
import { typeSchema } from "../load/type-view.js";

const RANGE_TAGS: [key: string, tag: string][] = [
  ["minimum", "minimum"],
  ["exclusiveMinimum", "exclusiveMinimum"],
  ["maximum", "maximum"],
  ["exclusiveMaximum", "exclusiveMaximum"],
  ["minLength", "minLength"],
  ["maxLength", "maxLength"],
  ["minItems", "minItems"],
  ["maxItems", "maxItems"],
  ["pattern", "pattern"],
];

/** The JSDoc text of one schema node: its description, then allowed values, range, format, default. */
export function describeNode(node: JsonSchema): string {
  const lines: string[] = [];
  const title = typeof node.title === "string" ? node.title : "";
  const description = typeof node.description === "string" ? node.description : "";
  for (const text of [title, description]) if (text !== "") lines.push(...jsDocText(text), "");
  if (Array.isArray(node.enum) && node.enum.length > 1) {
    lines.push(...jsDocText(`Allowed values: ${node.enum.map((v) => JSON.stringify(v)).join(", ")}`));
  }
  for (const [key, tag] of RANGE_TAGS) {
    if (node[key] !== undefined) lines.push(`@${tag} ${jsDocText(JSON.stringify(node[key])).join(" ")}`);
  }
  if (typeof node.format === "string") lines.push(`@format ${jsDocText(node.format).join(" ")}`);
  if (node.default !== undefined) lines.push(`@default ${jsDocText(JSON.stringify(node.default)).join(" ")}`);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/**
 * The TypeScript input type of one model, named `typeName`: an exact interface with no index
 * signature, properties in display order, documentation on every property. A model without a
 * schema takes no parameters.
 */
export async function emitInputType(schema: JsonSchema | null, typeName: string): Promise<string> {
  if (schema === null) {
    return `/** This model takes no parameters beyond the request envelope. */\nexport type ${typeName} = Record<string, never>;\n`;
  }
  const raw = await compile(typeSchema(schema, typeName, describeNode), typeName, {
    bannerComment: "",
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    // Indented by indentCode below: prettier cost more than the rest of generation together.
    format: false,
    // References are resolved inside the schema only: never from a file or the network.
    $refOptions: { resolve: { external: false, file: false, http: false } } as never,
  });
  const code = indentCode(raw);
  if (!new RegExp(`^export (interface|type) ${typeName}\\b`, "m").test(code)) throw new Error(`json-schema-to-typescript did not name the input type ${typeName}`);
  return code;
}
