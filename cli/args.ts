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

/** Parses a command's arguments; a wrong flag is an InputError with the command's usage line. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, usage: string) {
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
