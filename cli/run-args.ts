// The arguments of `oxen-contracts run <model>`: its own options, and the model's parameters as
// `--input-audio FILE` or `input_audio=FILE`, read against the model's schema.
import { InputError } from "./errors.js";
import { findParam, isBooleanWord, unknownParam, type Param } from "./params.js";

export const usage = "oxen-contracts run <model> [--param value ...] [key=value ...] [--body file.json] [--upload-to namespace/repo] [--out FILE] [--via poll|events] [--json] [--schemas DIR]";

export interface RunArgs {
  help: boolean;
  /** A JSON file (or "-") with the body; parameters given on the line override its values. */
  body: string | undefined;
  /** `namespace/repo`: where local files given for media parameters are uploaded. */
  uploadTo: string | undefined;
  out: string | undefined;
  via: "poll" | "events" | undefined;
  json: boolean;
  schemas: string | undefined;
  /** The text given for each parameter, in order (a list parameter may be given several times). */
  given: Map<Param, string[]>;
}

type Own = "body" | "upload-to" | "out" | "via" | "schemas" | "json" | "help";
const OWN_VALUES = new Set<Own>(["body", "upload-to", "out", "via", "schemas"]);

/** `--schemas DIR` alone, read before the model (and so its parameters) is known. */
export function schemasOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return undefined;
    if (argv[i] === "--schemas") return argv[i + 1];
    if (argv[i]!.startsWith("--schemas=")) return argv[i]!.slice("--schemas=".length);
  }
  return undefined;
}

/** Reads the arguments after the model id. Run's own options win over parameters of the same name (give those as key=value). */
export function parseRunArgs(argv: readonly string[], params: readonly Param[], modelId: string): RunArgs {
  const args: RunArgs = { help: false, body: undefined, uploadTo: undefined, out: undefined, via: undefined, json: false, schemas: undefined, given: new Map() };
  const give = (param: Param, value: string): void => void args.given.set(param, [...(args.given.get(param) ?? []), value]);
  let onlyPairs = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const pair = /^([^=-][^=]*)=(.*)$/s.exec(token);
    if (token === "--" && !onlyPairs) {
      onlyPairs = true;
    } else if (pair !== null) {
      const param = findParam(params, pair[1]!);
      if (param === undefined) throw unknownParam(params, pair[1]!, modelId);
      give(param, pair[2]!);
    } else if (onlyPairs || !token.startsWith("-")) {
      throw new InputError(`unexpected argument ${JSON.stringify(token)}: give parameters as --name value or name=value\nusage: ${usage}`);
    } else if (token === "-h" || token === "--help") {
      args.help = true;
    } else if (!token.startsWith("--")) {
      throw new InputError(`unknown option ${token}\nusage: ${usage}`);
    } else {
      const eq = token.indexOf("=");
      const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      const inline = eq === -1 ? undefined : token.slice(eq + 1);
      const next = (): string => {
        if (inline !== undefined) return inline;
        if (i + 1 >= argv.length) throw new InputError(`--${name} needs a value\nusage: ${usage}`);
        return argv[++i]!;
      };
      if (name === "json") {
        args.json = inline === undefined || inline === "true";
      } else if (OWN_VALUES.has(name as Own)) {
        const value = next();
        if (name === "body") args.body = value;
        else if (name === "upload-to") args.uploadTo = value;
        else if (name === "out") args.out = value;
        else if (name === "schemas") args.schemas = value;
        else if (value === "poll" || value === "events") args.via = value;
        else throw new InputError(`--via must be poll or events, not ${JSON.stringify(value)}\nusage: ${usage}`);
      } else {
        const negated = name.startsWith("no-") && inline === undefined ? findParam(params, name.slice(3)) : undefined;
        const param = findParam(params, name) ?? (negated?.types.includes("boolean") ? negated : undefined);
        if (param === undefined) throw unknownParam(params, `--${name}`, modelId);
        const flagOnly = param.types.length === 1 && param.types[0] === "boolean";
        if (param === negated) give(param, "false");
        else if (flagOnly && inline === undefined) give(param, i + 1 < argv.length && isBooleanWord(argv[i + 1]!) ? argv[++i]! : "true");
        else give(param, next());
      }
    }
  }
  return args;
}
