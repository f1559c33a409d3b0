import { resolve } from "node:path";
import { parse, type Io } from "../../cli/args.js";
import { diffSides } from "../drift/sides.js";
import { FORMATS, formatReport, type Format } from "../drift/format.js";
import { readModels, readSide } from "../drift/sources.js";
import { LEVELS, type Level } from "../drift/types.js";
import { InputError } from "../../cli/errors.js";
import { withOverlays } from "../load/load.js";
import { fetchModelObjects } from "../snapshot/fetch.js";
import { fetchOptions, progress } from "./fetch.js";

export const usage = `oxen-contracts diff [OLD] [NEW] [--format ${FORMATS.join("|")}] [--fail-on LEVEL]`;
const help = `${usage}

Classifies every difference between two snapshots, from the point of view of code that uses the
package: breaking, behavior, feature or docs, with a suggested version bump.

  OLD, NEW          a folder of models/*.json (hub-openapi.json and lock.json optional),
                    git:<ref> (the schemas/ folder at that git ref), or live (the API, read
                    with OXEN_API_KEY); default git:HEAD and schemas/. A model that cannot be
                    read is reported (schema-invalid) and the others are still compared.
  --format F        text (default), markdown (a pull-request body) or json (one object)
  --fail-on LEVEL   exit 1 when a change at LEVEL or a more severe one exists
                    (${LEVELS.join(" > ")})
  --base-url URL, --concurrency N, --timeout-ms N   for live, as in fetch

Exit status: 0, or 1 with --fail-on as above; 2 for bad arguments or unreadable input.`;

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${option}: expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  return value as T;
}

export async function diffCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: "string" },
      "fail-on": { type: "string" },
      "base-url": { type: "string" },
      concurrency: { type: "string" },
      "timeout-ms": { type: "string" },
    },
    usage,
  );
  if (values.help) return io.out(help), 0;
  if (positionals.length > 2) throw new InputError(`expected at most two snapshots, got ${positionals.length}\nusage: ${usage}`);
  const format: Format = values.format === undefined ? "text" : oneOf(values.format, FORMATS, "--format");
  const failOn: Level | undefined = values["fail-on"] === undefined ? undefined : oneOf(values["fail-on"], LEVELS, "--fail-on");
  const [old = "git:HEAD", now = "schemas"] = positionals;
  const context = {
    cwd: process.cwd(),
    live: async () => {
      const options = fetchOptions(io, values);
      // A failed live read is unreadable input (exit 2), never mistaken for drift (exit 1).
      const fetched = await fetchModelObjects({ ...options, onProgress: progress(io) }).catch((error: Error) => {
        throw new InputError(`live: ${error.message}`);
      });
      // A model the API serves that cannot be read is reported as a folder's would be; the others are still compared.
      const { models, invalid } = readModels(fetched.map((m) => ({ file: m.source, text: m.text, fallback: m.id })));
      // The live API has no overlays: the snapshot folder's are attached, so that only upstream changes show.
      const folder = [old, now].find((side) => side !== "live" && !side.startsWith("git:")) ?? "schemas";
      return { models: withOverlays(resolve(folder), models, []), invalid };
    },
  };
  const before = await readSide(old, context);
  const report = diffSides(before, await readSide(now, context));
  io.out(formatReport(report, format));
  if (failOn === undefined) return 0;
  const worst = LEVELS.indexOf(failOn);
  return report.changes.some((c) => LEVELS.indexOf(c.level) <= worst) ? 1 : 0;
}
