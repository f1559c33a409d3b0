import type { Io } from "./args.js";
import { InputError } from "./errors.js";

/** A command: parses its own arguments, prints through `io`, returns its exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

/** A program's commands by name, each with the one line its help shows. */
export type Commands = Record<string, [Command, string]>;

function help(program: string, commands: Commands): string {
  return `${program} <command> [options]

${Object.entries(commands)
  .map(([name, [, what]]) => `  ${name.padEnd(10)} ${what}`)
  .join("\n")}

Run \`${program} <command> --help\` for a command's options.`;
}

/**
 * Runs one command of `program`; returns the exit code (0 done, 1 failed or invalid, 2 usage).
 * Errors are one line; OXEN_CONTRACTS_DEBUG=1 adds the stack.
 */
export async function dispatch(program: string, commands: Commands, version: string, argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") return io.out(version), 0;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return io.out(help(program, commands)), name === undefined ? 2 : 0;
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) return io.err(`${program}: unknown command "${name}"\n\n${help(program, commands)}`), 2;
  try {
    return await command[0](rest, io);
  } catch (error) {
    if (io.env.OXEN_CONTRACTS_DEBUG) io.err(String((error as Error).stack));
    io.err(`${program} ${name}: ${(error as Error).message}`);
    return error instanceof InputError ? 2 : 1;
  }
}
