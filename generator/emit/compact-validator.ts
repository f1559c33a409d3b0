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
  const needsVerbose = lean.split("\n").some((line) => readsMore(errorLine(line)?.keyword));
  const code = needsVerbose ? withVerboseMembers(lean, verbose()) : lean;
  const checks = ownPropertyChecks(finiteNumberBounds(integerChecks(code)));
  return dropUnusedParameters(dropUnusedConstants(inlineSmallValues(sharedErrorPush(checks))));
}

/**
 * The text with the content of every string literal replaced by `_`, offsets kept, so that what
 * looks like code inside a string (a property called `schema0.x`) is never taken for code. Ajv
 * writes every string as JSON, in double quotes, and no comments or regular expression literals.
 */
export function maskStrings(code: string): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"/g, (s) => `"${"_".repeat(s.length - 2)}"`);
}

/**
 * `code` with every match of `pattern` in its masked text (see maskStrings) replaced by
 * `replace(groups)`, the groups read from the unmasked code: a pattern never matches inside a string.
 */
function replaceMasked(code: string, pattern: RegExp, replace: (groups: string[]) => string): string {
  let out = "";
  let last = 0;
  for (const match of maskStrings(code).matchAll(pattern)) {
    const groups: string[] = [];
    for (let i = 0; i < match.length; i++) groups.push(match.indices![i] === undefined ? "" : code.slice(...match.indices![i]!));
    out += code.slice(last, match.index) + replace(groups);
    last = match.index + match[0].length;
  }
  return out + code.slice(last);
}

/** A value Ajv checks, in masked text: a data variable or a path from it (`data3`, `data.seed`, `data["____"]`). */
const DATA = String.raw`data\d*(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"_*")\])*`;

/** Ajv's integer check, `typeof d == "number"`, no fraction, not NaN and finite, is what `Number.isInteger(d)` says. */
function integerChecks(code: string): string {
  return replaceMasked(code, new RegExp(String.raw`\(\(\(typeof (${DATA}) == "______"\) && \(!\(\1 % 1\) && !isNaN\(\1\)\)\) && \(isFinite\(\1\)\)\)`, "dg"), ([, subject]) => `(Number.isInteger(${subject}))`);
}

/**
 * Ajv writes a bound as `if(d > 481 || isNaN(d)){` wherever it stands; inside a block entered only
 * when `typeof d == "number"` and `isFinite(d)`, d is never NaN, so the test is left out. The block
 * is the innermost one open at the line, found by counting the braces of the code (masked).
 */
function finiteNumberBounds(code: string): string {
  const lines = code.split("\n");
  const open: string[] = [];
  return lines
    .map((line) => {
      const masked = maskStrings(line);
      const opener = open.at(-1);
      const bound = new RegExp(String.raw`^if\((${DATA}) ([<>]=?) (-?\d[\d.eE+-]*) \|\| isNaN\(\1\)\)\{$`, "d").exec(masked);
      for (const c of masked) {
        if (c === "{") open.push(masked);
        else if (c === "}") open.pop();
      }
      if (bound === null || opener !== `if((typeof ${bound[1]} == "______") && (isFinite(${bound[1]}))){`) return line;
      return `if(${line.slice(...bound.indices![1]!)} ${bound[2]} ${bound[3]}){`;
    })
    .join("\n");
}

/** The names every object has through Object.prototype (`constructor`, `toString`, `__proto__` …). */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const MENTIONS_INHERITED = new RegExp(`(?:\\.|\\[")(?:${[...INHERITED].join("|")})\\b`);

/**
 * Ajv takes a property for present when `d.name !== undefined`, which an inherited name always is:
 * `{}` would have its `constructor` and miss no `required: ["toString"]`. For those names only
 * (an own-property test on every name would slow every body), present means own and defined.
 */
function ownPropertyChecks(code: string): string {
  // Most validators name none of them: one scan says so.
  if (!MENTIONS_INHERITED.test(code)) return code;
  const check = new RegExp(String.raw`(${DATA})(?:\.([A-Za-z_$][\w$]*)|\[("_*")\]) (===|!==) undefined`, "dg");
  return replaceMasked(code, check, ([whole, subject, dotted, quoted, operator]) => {
    const name = dotted || (JSON.parse(quoted!) as string);
    if (!INHERITED.has(name)) return whole!;
    const literal = dotted ? `"${dotted}"` : quoted!;
    return operator === "===" ? `(${whole} || !Object.hasOwn(${subject}, ${literal}))` : `(${whole} && Object.hasOwn(${subject}, ${literal}))`;
  });
}

/** An error object's line (`const err3 = {...,keyword:"anyOf",...};`): its name, keyword and the line masked. */
function errorLine(line: string): { name: string; keyword: string; masked: string } | undefined {
  const name = /^\s*const (err\d+) = \{/.exec(line)?.[1];
  if (name === undefined) return undefined;
  const masked = maskStrings(line);
  const at = masked.indexOf('keyword:"');
  return at < 0 ? undefined : { name, keyword: JSON.parse(line.slice(at + 8, masked.indexOf('"', at + 9) + 1)) as string, masked };
}

/** The lean code with the member the run time reads of its VERBOSE_MEMBERS errors, found through the verbose code. */
function withVerboseMembers(lean: string, verbose: string): string {
  const constants = schemaConstants(lean);
  const members = new Map<string, string>();
  /** Each literal a member is, and the name of its constant. */
  const values = new Map<string, string>();
  for (const line of verbose.split("\n")) {
    const error = errorLine(line);
    if (!readsMore(error?.keyword)) continue;
    const { member, read } = VERBOSE_MEMBERS[error!.keyword]!;
    // Verbose mode ends every error object with `,schema:…,parentSchema:…,data…}`; these two are references into a schema constant.
    const at = { schema: error!.masked.lastIndexOf(",schema:"), parentSchema: error!.masked.lastIndexOf(",parentSchema:"), data: error!.masked.lastIndexOf(",data") };
    const expression = member === "schema" ? line.slice(at.schema + 8, at.parentSchema) : line.slice(at.parentSchema + 14, at.data);
    const reference = /^(schema\d+)(.*)$/.exec(expression);
    if (reference === null || !constants.has(reference[1]!)) throw new Error(`Ajv's verbose code gives ${error!.name} a ${member} that is not in a schema constant: ${expression}`);
    const literal = oneLine(read(resolve(constants.get(reference[1]!), reference[2]!)));
    if (!values.has(literal)) values.set(literal, `verbose${values.size}`);
    members.set(error!.name, `,${member}:${values.get(literal)!}`);
  }
  const lines = lean.split("\n").map((line) => {
    const error = errorLine(line);
    if (!readsMore(error?.keyword)) return line;
    const member = members.get(error!.name);
    if (member === undefined) throw new Error(`Ajv's verbose code has no ${error!.keyword} error ${error!.name}`);
    return line.replace(/\};$/, `${member}};`);
  });
  // Each value is a constant of the module, made once rather than at every error.
  const first = lines.findIndex((line) => line.startsWith("function "));
  lines.splice(first, 0, ...[...values].map(([literal, name]) => `const ${name} = ${literal};`));
  return lines.join("\n");
}

/** `const schema0 = {...};` lines: each constant's value. */
function schemaConstants(code: string): Map<string, unknown> {
  return new Map([...code.matchAll(/^const (schema\d+) = (.*);$/gm)].map(([, name, json]) => [name!, JSON.parse(json!) as unknown]));
}

/**
 * `const errN = {...}; if(vErrors === null){vErrors = [errN];} else {vErrors.push(errN);} errors++;`
 * over seven lines becomes `vErrors = pushError(vErrors, instancePath, schemaPath, keyword, params); errors++;`.
 */
function sharedErrorPush(code: string): string {
  return code.replace(
    /^(\s*)const (err\d+) = (\{.*\});\n\s*if\(vErrors === null\)\{\n\s*vErrors = \[\2\];\n\s*\}\n\s*else \{\n\s*vErrors\.push\(\2\);\n\s*\}\n\s*errors\+\+;$/gm,
    (lines, indent: string, _name: string, error: string) => {
      const call = pushErrorCall(error);
      return call === undefined ? lines : `${indent}vErrors = ${call};\n${indent}errors++;`;
    },
  );
}

/** The members Ajv writes first in every error object, in its order: pushError takes them by position. */
const POSITIONAL = ["instancePath", "schemaPath", "keyword", "params"];

/**
 * `{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"}}` →
 * `pushError(vErrors, instancePath, "#/type", "type", {type: "string"})`, other members in an
 * object after; `pushPropertyError(vErrors, instancePath, "seed", "type", {type: "integer"})` for an
 * error of a top-level property's own keyword, whose paths it makes. Undefined for an object of
 * another shape (inside `not`, Ajv makes errors that are never read as `{}`), which stays as it is.
 */
function pushErrorCall(object: string): string | undefined {
  const masked = maskStrings(object);
  const members: { key: string; value: string }[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < masked.length; i++) {
    const c = masked[i]!;
    if (depth === 0 && (c === "," || i === masked.length - 1)) {
      const member = object.slice(start, i);
      const colon = masked.slice(start, i).indexOf(":");
      members.push(colon < 0 ? { key: member, value: member } : { key: member.slice(0, colon), value: member.slice(colon + 1) });
      start = i + 1;
    } else if ("{[(".includes(c)) depth++;
    else if ("}])".includes(c)) depth--;
  }
  if (members.length < POSITIONAL.length || members.slice(0, POSITIONAL.length).some((m, i) => m.key !== POSITIONAL[i])) return undefined;
  const [instancePath, schemaPath, keyword, params] = members.map((m) => m.value) as [string, string, string, string];
  const extra = members.slice(POSITIONAL.length).map((m) => `${m.key}:${m.value}`);
  if (extra.length > 0) return `pushError(vErrors, ${instancePath}, ${schemaPath}, ${keyword}, ${params}, {${extra.join(",")}})`;
  // A name that JSON Pointer and URI fragment write alike, in both paths as Ajv writes them for a property of the root.
  const name = /^instancePath\+"\/([\w.-]+)"$/.exec(instancePath)?.[1];
  if (name !== undefined && schemaPath === `"#/properties/${name}/${(JSON.parse(keyword) as string)}"`) return propertyErrorCall(name, JSON.parse(keyword) as string, params);
  return `pushError(vErrors, ${instancePath}, ${schemaPath}, ${keyword}, ${params})`;
}

/**
 * The push of an error of a top-level property's own keyword: `pushTypeError(vErrors, instancePath,
 * "seed", "integer")` for a single type, `pushLimitError(vErrors, instancePath, "seed", "maximum",
 * 481)` for a numeric bound, which make Ajv's params; pushPropertyError with the params otherwise.
 */
function propertyErrorCall(name: string, keyword: string, params: string): string {
  const type = /^\{type: ("[a-z]+")\}$/.exec(params)?.[1];
  if (keyword === "type" && type !== undefined) return `pushTypeError(vErrors, instancePath, "${name}", ${type})`;
  const bound = /^\{comparison: "([<>]=?)", limit: (-?\d[\d.eE+-]*)\}$/.exec(params);
  if (bound !== null && Object.hasOwn(COMPARISONS, keyword) && COMPARISONS[keyword as keyof typeof COMPARISONS] === bound[1]) return `pushLimitError(vErrors, instancePath, "${name}", "${keyword}", ${bound[2]})`;
  return `pushPropertyError(vErrors, instancePath, "${name}", "${keyword}", ${params})`;
}

/** A reference to a schema constant, in masked text: `schema0.properties["____"].enum`. */
const REFERENCE = /(?<![\w$.])(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"_*")\])+)/g;

/** The value that `accessors` (`.properties["a b"].enum`, unmasked) reach from `root`. */
function resolve(root: unknown, accessors: string): unknown {
  let value = root;
  for (const [, name, index, key] of accessors.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    value = (value as Record<string | number, unknown>)[name ?? (index !== undefined ? Number(index) : (JSON.parse(key!) as string))];
  }
  return value;
}

/**
 * In error objects, small schema values (an enum's allowed values) written as literals rather than
 * as a path into a constant that holds the whole schema. A reference never spans lines.
 */
function inlineSmallValues(code: string): string {
  const constants = schemaConstants(code);
  return code
    .split("\n")
    .map((line) => {
      if (!/^\s*vErrors = push(?:Property)?Error\(/.test(line)) return line;
      let out = "";
      let last = 0;
      for (const match of maskStrings(line).matchAll(REFERENCE)) {
        const root = constants.get(match[1]!);
        const value = root === undefined ? undefined : resolve(root, line.slice(match.index + match[1]!.length, match.index + match[0].length));
        const literal = value === undefined ? undefined : oneLine(value);
        if (literal === undefined || literal.length > INLINE_LIMIT) continue;
        out += line.slice(last, match.index) + literal;
        last = match.index + match[0].length;
      }
      return out + line.slice(last);
    })
    .join("\n");
}

/** A JSON value as a literal on one line. */
function oneLine(value: unknown): string {
  return jsValue(value).replace(/\n\s*/g, " ");
}

/**
 * Ajv gives every validate function the options that compose it with others (`parentData`,
 * `parentDataProperty`, `rootData`, `dynamicAnchors`); those the module never reads are left out.
 */
function dropUnusedParameters(code: string): string {
  const body = maskStrings(code).replace(/^function validate\d+\(.*$/gm, "");
  const unused = ["parentData", "parentDataProperty", "rootData=data", "dynamicAnchors={}"].filter((p) => !new RegExp(`(?<![\\w$.])${p.split("=")[0]}\\b`).test(body));
  return code.replace(/^function validate\d+\(data, \{(.*)\}=\{\}\)\{$/gm, (line, members: string) => {
    const kept = members.split(", ").filter((m) => !unused.includes(m));
    return line.replace(`{${members}}`, `{${kept.join(", ")}}`);
  });
}

/** Without the `const schemaN = ...;` lines nothing reads: Ajv writes one for every schema it compiled. */
function dropUnusedConstants(code: string): string {
  const uses = new Map<string, number>();
  for (const [name] of maskStrings(code).matchAll(/(?<![\w$.])schema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return code
    .split("\n")
    .filter((line) => {
      const name = /^const (schema\d+) = /.exec(line)?.[1];
      return name === undefined || uses.get(name)! > 1;
    })
    .join("\n");
}
