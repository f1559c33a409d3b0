#!/usr/bin/env node
// In a clone the TypeScript sources run through tsx, so the command always matches the code;
// the published package carries no sources and runs its compiled build.
import { existsSync } from "node:fs";

const source = new URL("../cli/main.ts", import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(source.href);
} else {
  cli = await import(new URL("../dist/esm/cli/main.js", import.meta.url).href);
}
const { processIo } = await import(existsSync(source) ? new URL("../cli/args.ts", import.meta.url).href : new URL("../dist/esm/cli/args.js", import.meta.url).href);
process.exitCode = await cli.main(process.argv.slice(2), processIo);
