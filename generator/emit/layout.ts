// Indentation for the code the emitters produce (Ajv's `lines` output, json-schema-to-typescript's
// unformatted output): a statement a line, braces at line ends. A full formatter (prettier) cost
// ten times what the rest of generation does; this keeps the code reviewable at a fraction of that.

interface Scan {
  /** Brackets opened minus closed on the line, outside strings and comments. */
  net: number;
  /** Closing brackets before anything else on the line. */
  leadingClosers: number;
  /** Whether the line ends inside a block comment. */
  inComment: boolean;
}

/** Reads one trimmed line. Strings end at the line's end; template and regex literals never occur in emitted code. */
function scanLine(line: string, inComment: boolean): Scan {
  let net = 0;
  let leadingClosers = 0;
  let leading = true;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inComment) {
      if (c === "*" && line[i + 1] === "/") (inComment = false), i++;
      continue;
    }
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "/" && line[i + 1] === "*") (inComment = true), i++;
    else if (c === "/" && line[i + 1] === "/") break;
    else if (c === "`") throw new Error("layout: template literals are not supported");
    else if (c === '"' || c === "'") quote = c;
    else if (c === "{" || c === "[" || c === "(") net++;
    else if (c === "}" || c === "]" || c === ")") {
      net--;
      if (leading) leadingClosers++;
      continue;
    }
    leading = false;
  }
  return { net, leadingClosers, inComment };
}

/** Re-indents code with two spaces a level, drops trailing spaces and runs of blank lines. */
export function indentCode(code: string): string {
  const out: string[] = [];
  let depth = 0;
  let inComment = false;
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      if (out.length > 0 && out[out.length - 1] !== "") out.push("");
      continue;
    }
    if (inComment) {
      // Comment body lines keep JSDoc's one-space lead before the star.
      out.push(`${"  ".repeat(depth)}${line.startsWith("*") ? " " : ""}${line}`);
      inComment = scanLine(line, true).inComment;
      continue;
    }
    const scan = scanLine(line, false);
    out.push(`${"  ".repeat(Math.max(0, depth - scan.leadingClosers))}${line}`);
    depth = Math.max(0, depth + scan.net);
    inComment = scan.inComment;
  }
  while (out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}
