// The generator package's commands. Users reach them as `oxen-contracts <command>` (the client
// package's command runs this one when the generator is installed) or as `oxen-contracts-generator`.
import { pathToFileURL } from "node:url";
import { processIo, type Io } from "../cli/args.js";
import { dispatch, type Commands } from "../cli/dispatch.js";
import { packageVersion } from "../cli/version.js";
import { diffCommand } from "./commands/diff.js";
import { fetchCommand } from "./commands/fetch.js";
import { generateCommand } from "./commands/generate.js";
import { importCommand } from "./commands/import.js";

const COMMANDS: Commands = {
  generate: [generateCommand, "turn a schema snapshot into typed models"],
  fetch: [fetchCommand, "refresh a snapshot from the models endpoint"],
  diff: [diffCommand, "classify the changes between two snapshots"],
  import: [importCommand, "make a snapshot from saved model objects"],
};

/** Runs a generator command; returns the exit code. Errors name the command as users type it. */
export function main(argv: string[], io: Io): Promise<number> {
  return dispatch("oxen-contracts", COMMANDS, packageVersion(import.meta.url, "oxen-contracts-generator"), argv, io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
