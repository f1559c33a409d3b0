// Makes Ajv's standalone code smaller without changing a verdict (but for one Ajv gets wrong: see
// the end) or an error's keyword, path or params. Ajv writes each error as seven lines around an
// object that carries, in verbose mode, the schema and the data; the run time
// (runtime/validation.ts) reads those only from `anyOf` and `additionalProperties` errors, finds
// the data itself and builds messages from keyword and params. So a validator is Ajv's
// non-verbose code with those two kinds of error given what is read of them, every error reported
// through validator-support's `pushError` (its members by position) or one of its shorter forms
// for a property of the body, the small schema values of error objects written in place, and the
// schema constants nothing reads left out. Some of Ajv's checks are also written shorter where the
// code around them makes that exact: an integer check as `Number.isInteger`, and no NaN test
// inside a block that only numbers pass. (An enum stays Ajv's chain of `===`: one list checked
// with `includes` was smaller but 10% slower on valid bodies.) One check is made right: a property
// named like one of Object.prototype's is present only when it is the object's own.
import { COMPARISONS } from "../../runtime/validator-support.js";
import { jsValue } from "./escape.js";
import { INHERITED_NAMES } from "../load/inherited-names.js";

/**
 * The errors the run time reads more of than keyword and params, and what it reads: an anyOf's
 * branches, for their `required` lists; the parent schema of an additionalProperties, for the
 * names of its properties. Each is written as a literal of just that.
 */
const VERBOSE_MEMBERS: Record<string, { member: "schema" | "parentSchema"; read: (value: unknown) => unknown }> = {
  anyOf: { member: "schema", read: (branches) => (branches as unknown[]).map((b) => (b !== null && typeof b === "object" && Array.isArray((b as { required?: unknown }).required) ? { required: (b as { required: unknown }).required } : {})) },
  additionalProperties: { member: "parentSchema", read: (parent) => ({ properties: Object.fromEntries(Object.keys((parent as { properties?: object }).properties ?? {}).map((name) => [name, true])) }) },
};
const readsMore = (keyword: string | undefined): boolean => keyword !== undefined && Object.hasOwn(VERBOSE_MEMBERS, keyword);
/** A schema value is written in place of its reference when its literal is at most this long. */
const INLINE_LIMIT = 200;

/**
 * `lean` is Ajv's code for a schema with `verbose: false`; `verbose()` the same with `verbose: true`
 * (asked for only when needed). Both come from fresh Ajv instances with otherwise equal options,
 * so they name their errors and schema constants alike.
 */
export function compactValidator(lean: string, verbose: () => string): string {
  const leanCode = withMask(lean);
  const code = needsVerbose(leanCode) ? withVerboseMembers(leanCode, verbose()) : leanCode;
  const checks = ownPropertyChecks(finiteNumberBounds(integerChecks(code)));
  return dropUnusedConstants(dropUnusedParameters(sharedErrorPush(checks, schemaConstants(checks.text))));
}

/**
 * Code beside its masked text: the content of every string literal replaced by `_`, offsets kept,
 * so that what looks like code inside a string (a property called `schema0.x`) is never taken for
 * code. Each step below keeps both, so the code is masked once, not again by every step.
 */
interface Code {
  text: string;
  masked: string;
}

const withMask = (text: string): Code => ({ text, masked: maskStrings(text) });

/**
 * `code` with the content of each string literal replaced by `_`: what `"(?:[^"\\\n]|\\.)*"` matches,
 * scanned by hand (a replace with a function is three times slower). Ajv writes every string as
 * JSON, in double quotes, and no comments or regular expression literals.
 */
export function maskStrings(code: string): string {
  let out = "";
  let last = 0;
  for (let open = code.indexOf('"'); open >= 0; ) {
    const close = stringEnd(code, open);
    if (close < 0) {
      open = code.indexOf('"', open + 1);
      continue;
    }
    out += code.slice(last, open + 1) + "_".repeat(close - open - 1);
    last = close;
    open = code.indexOf('"', close + 1);
  }
  return out + code.slice(last);
}

/** The characters a regular expression's `.` does not match. */
const LINE_TERMINATORS = "\n\r\u2028\u2029";

/** Where the string literal opened at `open` closes, or -1 when it is not closed before its line ends. */
function stringEnd(code: string, open: number): number {
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') return i;
    if (c === "\n") return -1;
    if (c === "\\") {
      if (i + 1 === code.length || LINE_TERMINATORS.includes(code[i + 1]!)) return -1;
      i++;
    }
  }
  return -1;
}

/**
 * `code` with every match of `pattern` in its masked text replaced by `replace(groups)`, the
 * groups read from the unmasked code: a pattern never matches inside a string. A replacement
 * starts and ends outside a string, so it is masked on its own.
 */
function replaceMasked({ text, masked }: Code, pattern: RegExp, replace: (groups: string[], match: RegExpMatchArray & { index: number }) => string): Code {
  let out = "";
  let outMasked = "";
  let last = 0;
  for (const match of masked.matchAll(pattern)) {
    const groups: string[] = [];
    for (let i = 0; i < match.length; i++) groups.push(match.indices![i] === undefined ? "" : text.slice(...match.indices![i]!));
    const replacement = replace(groups, match);
    out += text.slice(last, match.index) + replacement;
    outMasked += masked.slice(last, match.index) + maskStrings(replacement);
    last = match.index + match[0].length;
  }
  return { text: out + text.slice(last), masked: outMasked + masked.slice(last) };
}

/** The lines of code and of its masked text, index for index. */
function linesOf({ text, masked }: Code): { lines: string[]; masked: string[] } {
  return { lines: text.split("\n"), masked: masked.split("\n") };
}

function joinLines(lines: string[], masked: string[]): Code {
  return { text: lines.join("\n"), masked: masked.join("\n") };
}

/** A value Ajv checks, in masked text: a data variable or a path from it (`data3`, `data.seed`, `data["____"]`). */
const DATA = String.raw`data\d*(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"_*")\])*`;

const INTEGER_CHECK = new RegExp(String.raw`\(\(\(typeof (${DATA}) == "______"\) && \(!\(\1 % 1\) && !isNaN\(\1\)\)\) && \(isFinite\(\1\)\)\)`, "dg");

/** Ajv's integer check, `typeof d == "number"`, no fraction, not NaN and finite, is what `Number.isInteger(d)` says. */
function integerChecks(code: Code): Code {
  // A validator without integers has none of the check's text: one scan says so.
  if (!code.text.includes(" % 1) && !isNaN(")) return code;
  return replaceMasked(code, INTEGER_CHECK, ([, subject]) => `(Number.isInteger(${subject}))`);
}

const BOUND = new RegExp(String.raw`^if\((${DATA}) ([<>]=?) (-?\d[\d.eE+-]*) \|\| isNaN\(\1\)\)\{$`, "dgm");

/**
 * Ajv writes a bound as `if(d > 481 || isNaN(d)){` wherever it stands; inside a block entered only
 * when `typeof d == "number"` and `isFinite(d)`, d is never NaN, so the test is left out. The block
 * is the innermost one open at the line (see openerLine).
 */
function finiteNumberBounds(code: Code): Code {
  // A validator without numeric bounds has none of the test's text.
  if (!code.text.includes(" || isNaN(")) return code;
  const { masked } = code;
  return replaceMasked(code, BOUND, ([whole, subject, comparison, limit], { index, 1: maskedSubject }) => {
    const opener = openerLine(masked, index);
    const guard = `if((typeof ${maskedSubject} == "______") && (isFinite(${maskedSubject}))){`;
    const guarded = opener !== undefined && masked.startsWith(guard, opener) && (masked.length === opener + guard.length || masked[opener + guard.length] === "\n");
    return guarded ? `if(${subject} ${comparison} ${limit}){` : whole!;
  });
}

/**
 * Where the line starts that opens the innermost block open at `at` in masked code, found by
 * counting braces back from `at` to the first one not closed before it; undefined at the top level.
 */
function openerLine(masked: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = masked[i];
    if (c === "}") depth++;
    else if (c === "{" && depth-- === 0) return masked.lastIndexOf("\n", i) + 1;
  }
  return undefined;
}

const MENTIONS_INHERITED = new RegExp(`(?:\\.|\\[")(?:${[...INHERITED_NAMES].join("|")})\\b`);
const PRESENCE_CHECK = new RegExp(String.raw`(${DATA})(?:\.([A-Za-z_$][\w$]*)|\[("_*")\]) (===|!==) undefined`, "dg");

/**
 * Ajv takes a property for present when `d.name !== undefined`, which an inherited name always is:
 * `{}` would have its `constructor` and miss no `required: ["toString"]`. For those names only
 * (an own-property test on every name would slow every body), present means own and defined.
 */
function ownPropertyChecks(code: Code): Code {
  // Most validators name none of them: one scan says so.
  if (!MENTIONS_INHERITED.test(code.text)) return code;
  return replaceMasked(code, PRESENCE_CHECK, ([whole, subject, dotted, quoted, operator]) => {
    const name = dotted || (JSON.parse(quoted!) as string);
    if (!INHERITED_NAMES.has(name)) return whole!;
    const literal = dotted ? `"${dotted}"` : quoted!;
    return operator === "===" ? `(${whole} || !Object.hasOwn(${subject}, ${literal}))` : `(${whole} && Object.hasOwn(${subject}, ${literal}))`;
  });
}

const ERROR_LINE = /^\s*const (err\d+) = \{/;

/** An error object's line (`const err3 = {...,keyword:"anyOf",...};`), with its masked text: its name and keyword. */
function errorLine(line: string, masked: string): { name: string; keyword: string } | undefined {
  const name = ERROR_LINE.exec(line)?.[1];
  if (name === undefined) return undefined;
  const at = masked.indexOf('keyword:"');
  return at < 0 ? undefined : { name, keyword: JSON.parse(line.slice(at + 8, masked.indexOf('"', at + 9) + 1)) as string };
}

/** Whether the code has an error the run time reads more of (VERBOSE_MEMBERS). */
function needsVerbose(code: Code): boolean {
  // Ajv writes a keyword as its name in plain JSON; most validators have neither: one scan each says so.
  if (!Object.keys(VERBOSE_MEMBERS).some((keyword) => code.text.includes(`keyword:"${keyword}"`))) return false;
  const { lines, masked } = linesOf(code);
  return lines.some((line, i) => readsMore(errorLine(line, masked[i]!)?.keyword));
}

/** The lean code with the member the run time reads of its VERBOSE_MEMBERS errors, found through the verbose code. */
function withVerboseMembers(lean: Code, verbose: string): Code {
  const constants = schemaConstants(lean.text);
  const members = new Map<string, string>();
  /** Each literal a member is, and the name of its constant. */
  const values = new Map<string, string>();
  const verboseLines = linesOf(withMask(verbose));
  for (const [i, line] of verboseLines.lines.entries()) {
    const masked = verboseLines.masked[i]!;
    const error = errorLine(line, masked);
    if (!readsMore(error?.keyword)) continue;
    const { member, read } = VERBOSE_MEMBERS[error!.keyword]!;
    // Verbose mode ends every error object with `,schema:…,parentSchema:…,data…}`; these two are references into a schema constant.
    const at = { schema: masked.lastIndexOf(",schema:"), parentSchema: masked.lastIndexOf(",parentSchema:"), data: masked.lastIndexOf(",data") };
    const expression = member === "schema" ? line.slice(at.schema + 8, at.parentSchema) : line.slice(at.parentSchema + 14, at.data);
    const reference = /^(schema\d+)(.*)$/.exec(expression);
    if (reference === null || !constants.has(reference[1]!)) throw new Error(`Ajv's verbose code gives ${error!.name} a ${member} that is not in a schema constant: ${expression}`);
    const literal = oneLine(read(resolve(constants.get(reference[1]!), reference[2]!)));
    if (!values.has(literal)) values.set(literal, `verbose${values.size}`);
    members.set(error!.name, `,${member}:${values.get(literal)!}`);
  }
  const { lines, masked } = linesOf(lean);
  for (const [i, line] of lines.entries()) {
    const error = errorLine(line, masked[i]!);
    if (!readsMore(error?.keyword)) continue;
    const member = members.get(error!.name);
    if (member === undefined) throw new Error(`Ajv's verbose code has no ${error!.keyword} error ${error!.name}`);
    lines[i] = line.replace(/\};$/, `${member}};`);
    masked[i] = masked[i]!.replace(/\};$/, `${member}};`);
  }
  // Each value is a constant of the module, made once rather than at every error.
  const first = lines.findIndex((line) => line.startsWith("function "));
  const declarations = [...values].map(([literal, name]) => `const ${name} = ${literal};`);
  lines.splice(first, 0, ...declarations);
  masked.splice(first, 0, ...declarations.map(maskStrings));
  return joinLines(lines, masked);
}

/** `const schema0 = {...};` lines: each constant's value. */
function schemaConstants(code: string): Map<string, unknown> {
  return new Map([...code.matchAll(/^const (schema\d+) = (.*);$/gm)].map(([, name, json]) => [name!, JSON.parse(json!) as unknown]));
}

const ERROR_PUSH = /^(\s*)const (err\d+) = (\{.*\});\n\s*if\(vErrors === null\)\{\n\s*vErrors = \[\2\];\n\s*\}\n\s*else \{\n\s*vErrors\.push\(\2\);\n\s*\}\n\s*errors\+\+;$/gm;

/**
 * `const errN = {...}; if(vErrors === null){vErrors = [errN];} else {vErrors.push(errN);} errors++;`
 * over seven lines becomes `vErrors = pushError(vErrors, instancePath, schemaPath, keyword, params); errors++;`,
 * its small values written in place (inlineSmallValues) from the module's schema `constants`.
 */
function sharedErrorPush({ text, masked }: Code, constants: Map<string, unknown>): Code {
  let out = "";
  let outMasked = "";
  let last = 0;
  for (const match of text.matchAll(ERROR_PUSH)) {
    const [lines, indent, name, error] = match as unknown as [string, string, string, string];
    const at = match.index + `${indent}const ${name} = `.length;
    const written = pushErrorCall(error, masked.slice(at, at + error.length));
    if (written === undefined) continue;
    // A call starts and ends outside a string, so it is masked on its own. Most hold only literals: one scan says so.
    const call = withMask(written);
    const inlined = written.includes("schema") ? inlineSmallValues(call, constants) : call;
    out += `${text.slice(last, match.index)}${indent}vErrors = ${inlined.text};\n${indent}errors++;`;
    outMasked += `${masked.slice(last, match.index)}${indent}vErrors = ${inlined.masked};\n${indent}errors++;`;
    last = match.index + lines.length;
  }
  return { text: out + text.slice(last), masked: outMasked + masked.slice(last) };
}

/** The members Ajv writes first in every error object, in its order: pushError takes them by position. */
const POSITIONAL = ["instancePath", "schemaPath", "keyword", "params"];
const ROOT_PROPERTY_PATH = /^instancePath\+"\/([\w.-]+)"$/;

/**
 * `{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"}}` (and its masked text) →
 * `pushError(vErrors, instancePath, "#/type", "type", {type: "string"})`, other members in an
 * object after; `pushPropertyError(vErrors, instancePath, "seed", "type", {type: "integer"})` for an
 * error of a top-level property's own keyword, whose paths it makes. Undefined for an object of
 * another shape (inside `not`, Ajv makes errors that are never read as `{}`), which stays as it is.
 */
function pushErrorCall(object: string, masked: string): string | undefined {
  const members: { key: string; value: string }[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < masked.length; i++) {
    const c = masked[i];
    if (depth === 0 && (c === "," || i === masked.length - 1)) {
      const member = object.slice(start, i);
      const colon = masked.indexOf(":", start);
      members.push(colon < 0 || colon >= i ? { key: member, value: member } : { key: member.slice(0, colon - start), value: member.slice(colon - start + 1) });
      start = i + 1;
    } else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
  }
  if (members.length < POSITIONAL.length || POSITIONAL.some((key, i) => members[i]!.key !== key)) return undefined;
  const [instancePath, schemaPath, keyword, params] = members.map((m) => m.value) as [string, string, string, string];
  const extra = members.slice(POSITIONAL.length).map((m) => `${m.key}:${m.value}`);
  if (extra.length > 0) return `pushError(vErrors, ${instancePath}, ${schemaPath}, ${keyword}, ${params}, {${extra.join(",")}})`;
  // A name that JSON Pointer and URI fragment write alike, in both paths as Ajv writes them for a property of the root.
  const name = ROOT_PROPERTY_PATH.exec(instancePath)?.[1];
  const keywordName = name === undefined ? undefined : (JSON.parse(keyword) as string);
  if (name !== undefined && schemaPath === `"#/properties/${name}/${keywordName}"`) return propertyErrorCall(name, keywordName!, params);
  return `pushError(vErrors, ${instancePath}, ${schemaPath}, ${keyword}, ${params})`;
}

const SINGLE_TYPE = /^\{type: ("[a-z]+")\}$/;
const LIMIT = /^\{comparison: "([<>]=?)", limit: (-?\d[\d.eE+-]*)\}$/;

/**
 * The push of an error of a top-level property's own keyword: `pushTypeError(vErrors, instancePath,
 * "seed", "integer")` for a single type, `pushLimitError(vErrors, instancePath, "seed", "maximum",
 * 481)` for a numeric bound, which make Ajv's params; pushPropertyError with the params otherwise.
 */
function propertyErrorCall(name: string, keyword: string, params: string): string {
  const type = SINGLE_TYPE.exec(params)?.[1];
  if (keyword === "type" && type !== undefined) return `pushTypeError(vErrors, instancePath, "${name}", ${type})`;
  const bound = LIMIT.exec(params);
  if (bound !== null && Object.hasOwn(COMPARISONS, keyword) && COMPARISONS[keyword as keyof typeof COMPARISONS] === bound[1]) return `pushLimitError(vErrors, instancePath, "${name}", "${keyword}", ${bound[2]})`;
  return `pushPropertyError(vErrors, instancePath, "${name}", "${keyword}", ${params})`;
}

/** A reference to a schema constant, in masked text: `schema0.properties["____"].enum`. */
const REFERENCE = /(?<![\w$.])(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"_*")\])+)/dg;
const ACCESSOR = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/** The value that `accessors` (`.properties["a b"].enum`, unmasked) reach from `root`. */
function resolve(root: unknown, accessors: string): unknown {
  let value = root;
  for (const [, name, index, key] of accessors.matchAll(ACCESSOR)) {
    value = (value as Record<string | number, unknown>)[name ?? (index !== undefined ? Number(index) : (JSON.parse(key!) as string))];
  }
  return value;
}

/**
 * In an error's push call, small schema values (an enum's allowed values) written as literals
 * rather than as a path into a constant that holds the whole schema.
 */
function inlineSmallValues(call: Code, constants: Map<string, unknown>): Code {
  return replaceMasked(call, REFERENCE, ([reference, root, accessors]) => {
    const value = constants.has(root!) ? resolve(constants.get(root!), accessors!) : undefined;
    const literal = value === undefined ? undefined : oneLine(value);
    return literal === undefined || literal.length > INLINE_LIMIT ? reference! : literal;
  });
}

/** A JSON value as a literal on one line. */
function oneLine(value: unknown): string {
  return jsValue(value).replace(/\n\s*/g, " ");
}

/** The options Ajv gives every validate function to compose it with others, as its signature writes them. */
const PARAMETERS = ["parentData", "parentDataProperty", "rootData=data", "dynamicAnchors={}"];
/** A use of one of them in masked code, found for all four in one scan (the longer name first, as `\b` would tell them apart). */
const PARAMETER_USE = /(?<![\w$.])(parentDataProperty|parentData|rootData|dynamicAnchors)\b/g;
const SIGNATURE = /^function validate\d+\(data, \{(.*)\}=\{\}\)\{$/gm;

/**
 * Ajv gives every validate function the options that compose it with others (`parentData`,
 * `parentDataProperty`, `rootData`, `dynamicAnchors`); those the module never reads are left out.
 * A signature has no string but `""`, so its masked text changes alike.
 */
function dropUnusedParameters(code: Code): Code {
  const body = code.masked.replace(/^function validate\d+\(.*$/gm, "");
  const used = new Set([...body.matchAll(PARAMETER_USE)].map(([name]) => name));
  const unused = PARAMETERS.filter((parameter) => !used.has(parameter.split("=")[0]!));
  const signature = (line: string, members: string): string => line.replace(`{${members}}`, `{${members.split(", ").filter((m) => !unused.includes(m)).join(", ")}}`);
  return { text: code.text.replace(SIGNATURE, signature), masked: code.masked.replace(SIGNATURE, signature) };
}

const CONSTANT_LINE = /^const (schema\d+) = /;

/** Without the `const schemaN = ...;` lines nothing reads: Ajv writes one for every schema it compiled. */
function dropUnusedConstants({ text, masked }: Code): string {
  const uses = new Map<string, number>();
  for (const [name] of masked.matchAll(/(?<![\w$.])schema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return text
    .split("\n")
    .filter((line) => {
      const name = CONSTANT_LINE.exec(line)?.[1];
      return name === undefined || uses.get(name)! > 1;
    })
    .join("\n");
}
