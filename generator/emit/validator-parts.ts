// Which parts of the run time's explanation (runtime/validation.ts, ValidatorParts) a model's
// `validate` passes to validateWith: those its validator's errors can need, and no other, so that
// a bundle of one model carries only those. Each is an export of the runtime index.
import type { KeyNode } from "../../runtime/declared-keys.js";
import { WORDED_KEYWORDS } from "../../runtime/validation.js";
import { maskStrings } from "./compact-validator.js";

/** The keyword of every error Ajv's standalone `code` can report: each error object it builds names one (`keyword:"anyOf"`). */
export function reportedKeywords(code: string): Set<string> {
  const masked = maskStrings(code);
  const keywords = new Set<string>();
  for (const { index } of masked.matchAll(/\bkeyword:"/g)) keywords.add(JSON.parse(code.slice(index + 8, masked.indexOf('"', index + 9) + 1)) as string);
  return keywords;
}

/** Whether the closed mode's table is one closed object with nothing below its keys: flat-keys.ts walks it. */
function isFlat(table: readonly KeyNode[]): boolean {
  return table.length === 1 && table[0]!.c === 1 && Object.keys(table[0]!).every((key) => key === "c" || key === "k");
}

/** A model's parts: the runtime exports it imports, and the object literal of them it passes (naming its `media` constant). */
export interface ModelParts {
  imports: string[];
  object: string;
}

/** The parts for a validator that reports `keywords` and declares `table`, of a model with media parameters or not. */
export function validatorParts(keywords: ReadonlySet<string>, table: readonly KeyNode[], hasMedia: boolean): ModelParts {
  const walk = isFlat(table) ? "flatUnknownKeys" : "unknownKeys";
  const imports = [walk];
  const members = [walk === "unknownKeys" ? walk : `unknownKeys: ${walk}`];
  const add = (name: string): void => void (imports.push(name), members.push(name));
  if (keywords.has("anyOf") || keywords.has("oneOf")) add("explainUnions");
  if ([...keywords].some((keyword) => !WORDED_KEYWORDS.has(keyword))) add("ajvMessage");
  if (hasMedia) {
    imports.push("mediaUrlCheck");
    // A call at the module's top: marked pure, so that a bundle without validate drops it.
    members.push("media: /* @__PURE__ */ mediaUrlCheck(media)");
  }
  return { imports, object: `{ ${members.join(", ")} }` };
}
