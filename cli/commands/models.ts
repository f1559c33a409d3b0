import { resolve } from "node:path";
import { parse, type Io } from "../args.js";
import { InputError } from "../errors.js";
import { paramsOf, paramTable, valueWord } from "../params.js";
import { findModel, loadSnapshot, type SnapshotModel } from "../snapshot.js";

export const usage = "oxen-contracts models [<model-id>] [--json] [--schemas DIR]";
const help = `${usage}

Lists the models of the snapshot (id, display name, summary), or shows one model's parameters:
name, type, whether it is required, default, range, allowed values and description.

  --json         print JSON: [{ id, displayName, summary }], or { id, displayName, summary, parameters }
  --schemas DIR  the snapshot folder to read; default the package's schemas/`;

/** A model's name, summary, `run` usage line and parameter table. */
export function describeModel(model: SnapshotModel): string {
  const params = paramsOf(model.schema);
  const required = params.filter((p) => p.required).map((p) => `${p.flag} ${valueWord(p)}`);
  return [
    `${model.displayName} (${model.id})`,
    ...(model.summary === "" ? [] : [model.summary]),
    "",
    `usage: oxen-contracts run ${model.id} ${[...required, "[--param value ...]"].join(" ")} [--upload-to namespace/repo] [--out FILE] [--via poll|events] [--json]`,
    "",
    "Parameters (each also as name=value; repeat a list's flag for more items, or give a JSON list):",
    paramTable(params),
  ].join("\n");
}

export async function modelsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" }, schemas: { type: "string" } }, usage);
  if (values.help) return io.out(help), 0;
  if (positionals.length > 1) throw new InputError(`unexpected argument "${positionals[1]}"\nusage: ${usage}`);
  const models = await loadSnapshot(values.schemas === undefined ? undefined : resolve(values.schemas));
  const [id] = positionals;
  if (id !== undefined) {
    const model = findModel(models, id);
    if (!values.json) return io.out(describeModel(model)), 0;
    const parameters = paramsOf(model.schema).map(({ name, flag, types, required, media, schema }) => ({ name, flag, types, required, media: media ?? null, default: schema.default, minimum: schema.minimum, maximum: schema.maximum, enum: schema.enum, description: schema.description }));
    return io.out(JSON.stringify({ id: model.id, displayName: model.displayName, summary: model.summary, parameters }, null, 2)), 0;
  }
  const list = [...models.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (values.json) return io.out(JSON.stringify(list.map(({ id, displayName, summary }) => ({ id, displayName, summary })), null, 2)), 0;
  const width = Math.max(...list.map((m) => m.id.length));
  for (const m of list) io.out(`${m.id.padEnd(width)}  ${m.displayName}${m.summary === "" ? "" : ` — ${m.summary}`}`);
  return 0;
}
