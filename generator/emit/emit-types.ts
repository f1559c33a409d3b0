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

/** `text` without the indentation its lines share after the first (as in Python docstrings) and without blank lines around it. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const indent = (line: string): number => /^[ \t]*/.exec(line)![0].length;
  const rest = lines.slice(1).filter((l) => l.trim() !== "");
  const cut = rest.length > 0 ? Math.min(...rest.map(indent)) : 0;
  const out = [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(Math.min(cut, indent(l))).trimEnd())];
  while (out.length > 0 && out[0] === "") out.shift();
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** A title that only repeats the property's name ("Num Frames" for num_frames) says nothing on hover. */
function repeatsName(title: string, name: string | undefined): boolean {
  const bare = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  return name !== undefined && bare(title) === bare(name);
}

/**
 * The keywords a user wants to read about a node: for a nullable union (`anyOf: [X, {type: "null"}]`)
 * those of X, under the node's own.
 */
function documented(node: JsonSchema): JsonSchema {
  for (const key of ["anyOf", "oneOf"]) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    const other = branches.filter((b) => !(b !== null && typeof b === "object" && (b as JsonSchema).type === "null"));
    if (other.length === 1 && other.length < branches.length && other[0] !== null && typeof other[0] === "object") return { ...(other[0] as JsonSchema), ...node };
  }
  return node;
}

/**
 * The JSDoc text of one schema node (`name`: the property it describes): its title unless it only
 * repeats the name, its description (dedented), then allowed values, range, format, default and
 * published examples.
 */
export function describeNode(schema: JsonSchema, name?: string): string {
  const node = documented(schema);
  const lines: string[] = [];
  const title = typeof node.title === "string" && !repeatsName(node.title, name) ? node.title : "";
  const description = typeof node.description === "string" ? dedent(node.description) : "";
  for (const text of [title, description]) if (text.trim() !== "") lines.push(...jsDocText(text.trim()), "");
  if (Array.isArray(node.enum) && node.enum.length > 1) {
    lines.push(...jsDocText(`Allowed values: ${node.enum.map((v) => JSON.stringify(v)).join(", ")}`));
  }
  for (const [key, tag] of RANGE_TAGS) {
    if (node[key] !== undefined) lines.push(`@${tag} ${jsDocText(JSON.stringify(node[key])).join(" ")}`);
  }
  if (typeof node.format === "string") lines.push(`@format ${jsDocText(node.format).join(" ")}`);
  if (node.default !== undefined) lines.push(`@default ${jsDocText(JSON.stringify(node.default)).join(" ")}`);
  const examples = Array.isArray(node.examples) ? node.examples : node.example !== undefined ? [node.example] : [];
  for (const example of examples) lines.push(`@example ${jsDocText(JSON.stringify(example)).join(" ")}`);
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
