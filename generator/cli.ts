import { InputError } from "./errors.js";
import type { Io } from "./args.js";
import { diffCommand } from "./commands/diff.js";
import { fetchCommand } from "./commands/fetch.js";
import { generateCommand } from "./commands/generate.js";
import { importCommand } from "./commands/import.js";
import { mockCommand } from "./commands/mock.js";
import { validateCommand } from "./commands/validate.js";

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, [Command, string]> = {
  generate: [generateCommand, "turn the schema snapshot into generated/"],
  validate: [validateCommand, "check a request body against a model's validator"],
  import: [importCommand, "make a snapshot from saved model objects"],
  mock: [mockCommand, "run a local Oxen-compatible server for tests and demos"],
  fetch: [fetchCommand, "refresh the snapshot from the models endpoint"],
  diff: [diffCommand, "classify the changes between two snapshots"],
};

const HELP = `oxen-contracts <command> [options]

${Object.entries(COMMANDS)
  .map(([name, [, what]]) => `  ${name.padEnd(10)} ${what}`)
  .join("\n")}

Run \`oxen-contracts <command> --help\` for a command's options.`;

/** Runs the CLI; returns the exit code. Errors are one line (set OXEN_CONTRACTS_DEBUG=1 for the stack). */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return io.out(HELP), name === undefined ? 2 : 0;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) return io.err(`oxen-contracts: unknown command "${name}"\n\n${HELP}`), 2;
  try {
    return await command[0](rest, io);
  } catch (error) {
    if (io.env.OXEN_CONTRACTS_DEBUG) io.err(String((error as Error).stack));
    io.err(`oxen-contracts ${name}: ${(error as Error).message}`);
    return error instanceof InputError ? 2 : 1;
  }
}

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

if (import.meta.url === new URL(process.argv[1] ?? "", "file:").href) {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
