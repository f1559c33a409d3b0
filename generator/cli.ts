// The generator package's commands. Users reach them as `oxen-contracts <command>` (the client
// package's command runs this one when the generator is installed) or as `oxen-contracts-generator`.
import { pathToFileURL } from "node:url";
import { processIo, type Io } from "../cli/args.js";
import { dispatch, type Command, type Commands } from "../cli/dispatch.js";
import { packageVersion } from "../cli/version.js";

/** A command whose module loads when it runs: a run loads one command's code, not the client and drift engine the others use. */
function lazy(load: () => Promise<Command>): Command {
  return async (argv, io) => (await load())(argv, io);
}

const COMMANDS: Commands = {
  generate: [lazy(async () => (await import("./commands/generate.js")).generateCommand), "turn a schema snapshot into typed models"],
  fetch: [lazy(async () => (await import("./commands/fetch.js")).fetchCommand), "refresh a snapshot from the models endpoint"],
  diff: [lazy(async () => (await import("./commands/diff.js")).diffCommand), "classify the changes between two snapshots"],
  import: [lazy(async () => (await import("./commands/import.js")).importCommand), "make a snapshot from saved model objects"],
};

/** Runs a generator command; returns the exit code. Errors name the command as users type it. */
export function main(argv: string[], io: Io): Promise<number> {
  return dispatch("oxen-contracts", COMMANDS, packageVersion(import.meta.url, "oxen-contracts-generator"), argv, io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
