// The `oxen-contracts` command of the client package. The generator's commands (generate, fetch,
// diff, import) live in the separate generator package and are run from here when it is installed.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { processIo, type Io } from "./args.js";
import { mockCommand } from "./commands/mock.js";
import { modelsCommand } from "./commands/models.js";
import { runCommand } from "./commands/run.js";
import { validateCommand } from "./commands/validate.js";
import { dispatch, type Command, type Commands } from "./dispatch.js";
import { InputError } from "./errors.js";
import { packageVersion } from "./version.js";

export const GENERATOR_PACKAGE = "oxen-contracts-generator";

/** The generator's own entry: its sources in a clone of this repository, else the installed package. */
async function generatorMain(): Promise<(argv: string[], io: Io) => Promise<number>> {
  const source = new URL("../generator/cli.ts", import.meta.url);
  if (existsSync(source)) return (await import(source.href)).main;
  // The user's project first (pnpm links only direct dependencies there), then beside this package.
  for (const from of [join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      return (await import(pathToFileURL(createRequire(from).resolve(GENERATOR_PACKAGE)).href)).main;
    } catch {
      // not installed there
    }
  }
  throw new InputError(`needs the generator, a separate package: npm install --save-dev ${GENERATOR_PACKAGE}`);
}

/** A command of the generator package, run under its own name. */
function generatorCommand(name: string): Command {
  return async (argv, io) => (await generatorMain())([name, ...argv], io);
}

const COMMANDS: Commands = {
  run: [runCommand, "run a model from the command line: flags from its schema, local files uploaded, the video saved"],
  models: [modelsCommand, "list the models, or show one model's parameters"],
  validate: [validateCommand, "check a request body against a model's validator"],
  mock: [mockCommand, "run a local Oxen-compatible server for tests and demos"],
  generate: [generatorCommand("generate"), `turn a schema snapshot into typed models (${GENERATOR_PACKAGE})`],
  fetch: [generatorCommand("fetch"), `refresh a snapshot from the models endpoint (${GENERATOR_PACKAGE})`],
  diff: [generatorCommand("diff"), `classify the changes between two snapshots (${GENERATOR_PACKAGE})`],
  import: [generatorCommand("import"), `make a snapshot from saved model objects (${GENERATOR_PACKAGE})`],
};

/** Runs `oxen-contracts <argv>`; returns the exit code. */
export function main(argv: string[], io: Io): Promise<number> {
  return dispatch("oxen-contracts", COMMANDS, packageVersion(import.meta.url, "oxen-contracts"), argv, io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
