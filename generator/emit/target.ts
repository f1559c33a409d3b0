// Where an output folder goes: apart from the emitters, so that a command can name it without loading them.

/** Where an output folder goes and how its code reaches the runtime. */
export interface Target {
  /**
   * "relative": import the runtime's sources by path (this repository's own generated/, which is
   * built into the client package); "package": import `oxen-contracts/runtime`, as a user's project does.
   */
  runtime: "relative" | "package";
  /** The command that makes the output again, named in every file's header. */
  command: string;
  /** The snapshot folder relative to the output folder, recorded in the marker for the CLI. */
  snapshot: string;
}

/** This repository's own output: generated/ from schemas/. */
export const REPOSITORY_TARGET: Target = { runtime: "relative", command: "npm run generate", snapshot: "../schemas" };
