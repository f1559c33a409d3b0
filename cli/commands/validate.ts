import { readFile } from "node:fs/promises";
import { parse, type Io } from "../args.js";
import { InputError } from "../errors.js";
import { modelValidator } from "../generated-models.js";

export const usage = "oxen-contracts validate <model-id> <file.json | -> [--generated DIR] [--json]";
const help = `${usage}

Checks a request body against the model's generated validator, before anything is sent. The body
may carry its "model" key (as sent on the wire) or not.
Exit 0 when valid, 1 when invalid (one line per error), 2 for an unknown model or unreadable input.

  --generated DIR  judge with the models generated into DIR (by \`oxen-contracts generate --out DIR\`)
                   instead of this package's own
  --json           print { "ok", "errors": [{ path, message, keyword, params }] } instead`;

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" }, generated: { type: "string" } }, usage);
  if (values.help) return io.out(help), 0;
  const [modelId, file, extra] = positionals;
  if (modelId === undefined || file === undefined || extra !== undefined) throw new InputError(`expected a model id and a file\nusage: ${usage}`);
  const validate = await modelValidator(modelId, values.generated);

  let text: string;
  try {
    text = file === "-" ? await io.stdin() : await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file === "-" ? "standard input" : file}: not valid JSON (${(error as Error).message})`);
  }
  const errors = [];
  if (body !== null && typeof body === "object" && !Array.isArray(body) && "model" in body) {
    const { model, ...rest } = body as Record<string, unknown>;
    if (model !== modelId) errors.push({ path: "model", keyword: "const", params: { allowedValue: modelId }, message: `model is ${JSON.stringify(model)}, expected ${JSON.stringify(modelId)}` });
    body = rest;
  }
  const result = validate(body);
  if (!result.ok) errors.push(...result.errors);
  if (values.json) io.out(JSON.stringify(errors.length === 0 ? { ok: true } : { ok: false, errors }, null, 2));
  else if (errors.length === 0) io.out(`valid: ${modelId}`);
  else for (const e of errors) io.out(e.message);
  return errors.length === 0 ? 0 : 1;
}
