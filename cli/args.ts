import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./errors.js";

/** What a command prints and where; commands return their exit code and never call process.exit. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Standard input as text, for `-` arguments. */
  stdin(): Promise<string>;
  /** Whether stderr is a terminal (progress is shown only there). */
  interactive: boolean;
  env: Record<string, string | undefined>;
}

/** What `parse` returns for the options `T` (with --help), as node:util's parseArgs types it. */
export type Parsed<T extends NonNullable<ParseArgsConfig["options"]>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T & { help: { type: "boolean"; short: "h" } }; allowPositionals: true; strict: true }>
>;

/** Parses a command's arguments; a wrong flag is an InputError with the command's usage line. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, usage: string): Parsed<T> {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split("\n")[0]}\nusage: ${usage}`);
  }
}

/** The real process: stdout, stderr, stdin and the environment. */
export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};
