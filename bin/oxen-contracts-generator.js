#!/usr/bin/env node
// The generator package's own command (the same commands as `oxen-contracts generate|fetch|diff|import`).
// In a clone the TypeScript sources run through tsx; the published package runs its build.
import { existsSync } from "node:fs";

const source = new URL("../generator/cli.ts", import.meta.url);
const ts = existsSync(source);
if (ts) (await import("tsx/esm/api")).register();
const cli = await import(ts ? source.href : new URL("../generator/cli.js", import.meta.url).href);
const { processIo } = await import(ts ? new URL("../cli/args.ts", import.meta.url).href : new URL("../cli/args.js", import.meta.url).href);
process.exitCode = await cli.main(process.argv.slice(2), processIo);
