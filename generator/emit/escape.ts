// The only ways a string from a schema may enter generated code. Each escapes for one context;
// templates reach them as handlebars helpers, emitters call them directly.

/** A JavaScript string literal. JSON's escaping plus the characters that end a line or a script tag. */
export function jsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<\//g, "<\\/");
}

/**
 * Any JSON value as a readable JavaScript literal that evaluates to an equal value. Keys are
 * string literals; "__proto__" is written as a computed key, the one form that makes it an own
 * property instead of setting the prototype.
 */
export function jsValue(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    return typeof value === "string" ? jsString(value) : text === undefined ? "undefined" : text;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => jsValue(v, inner));
    const flat = `[${items.join(", ")}]`;
    return flat.length <= 80 && !flat.includes("\n") ? flat : `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const key = (k: string): string => (k === "__proto__" ? `[${jsString(k)}]` : jsString(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${jsValue(v, inner)},`).join("\n")}\n${indent}}`;
}

/**
 * Text for the body of a /** *\/ comment: cannot close the comment, start a tag by accident,
 * or carry control characters; one line of text per returned line.
 */
export function jsDocText(text: string): string[] {
  return escapedForJsDoc(text)
    .split("\n")
    .map((line) => line.trimEnd());
}

/** A character that jsDocText replaces or that decides a replacement (`*` of `*\/`, `@`): most text has none. */
// eslint-disable-next-line no-control-regex
const JSDOC_SPECIAL = /[\r\u2028\u2029*@\u0000-\u0008\u000b-\u001f\u007f]/;

function escapedForJsDoc(text: string): string {
  if (!JSDOC_SPECIAL.test(text)) return text;
  return (
    text
      .replace(/\r\n?|\u2028|\u2029/g, "\n")
      .replace(/\*\//g, "*\\/")
      .replace(/^(\s*)@/gm, "$1\\@")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
  );
}

/** A whole JSDoc block at the given indentation, or "" for no text. */
export function jsDoc(lines: string[], indent = ""): string {
  const body = lines.flatMap(jsDocText);
  while (body.length > 0 && body[body.length - 1] === "") body.pop();
  if (body.length === 0) return "";
  return [`${indent}/**`, ...body.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join("\n") + "\n";
}

/** An identifier the generator made; anything else is a bug, so it throws rather than repair. */
export function identifier(name: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`not a safe identifier: ${JSON.stringify(name)}`);
  return name;
}
