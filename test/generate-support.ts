// Shared by the suites that generate from a snapshot of their own: the snapshot folder, the
// command as a user runs it (a real process), and the TypeScript compiler over the output.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { runProcess, SCHEMAS, tempDir, type ProcessRun } from "./helpers.js";

export const ROOT = join(import.meta.dirname, "..");

/** A model object as the API serves it, around `schema`. */
export function modelObject(id: string, schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, object: "model", display_name: id, summary: "", endpoint: "/videos/generate", capabilities: { input: ["text"], output: ["video"] }, json_request_schema: schema, ...extra };
}

/** A snapshot folder (`<dir>/schemas`) holding `models` (file name → model object or raw text), `overlays`, and Oxen's OpenAPI document. */
export async function snapshotWith(models: Record<string, unknown>, overlays: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "schemas", "models"), { recursive: true });
  await copyFile(join(SCHEMAS, "hub-openapi.json"), join(dir, "schemas", "hub-openapi.json"));
  for (const [name, value] of Object.entries(models)) await writeFile(join(dir, "schemas", "models", name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
  if (Object.keys(overlays).length > 0) await mkdir(join(dir, "schemas", "overlays"));
  for (const [name, value] of Object.entries(overlays)) await writeFile(join(dir, "schemas", "overlays", name), JSON.stringify(value, null, 2));
  return dir;
}

/** `oxen-contracts generate --schemas <dir>/schemas --out <dir>/generated <args>` as a user runs it. */
export function generateProcess(dir: string, args: string[] = []): Promise<ProcessRun> {
  const argv = [join(ROOT, "bin", "oxen-contracts.js"), "generate", "--schemas", join(dir, "schemas"), "--out", join(dir, "generated"), "--no-cache", ...args];
  return runProcess(process.execPath, argv, { cwd: ROOT, env: { ...process.env, OXEN_CONTRACTS_DEBUG: "" } });
}

/** The compiler's errors over `files` (strict, NodeNext), one line each. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules", "@types")],
    // Generated outside the repository, the code imports the runtime by package name: here, its sources.
    paths: { "oxen-contracts/runtime": [join(ROOT, "runtime", "index.ts")], "oxen-contracts/runtime/validator-support": [join(ROOT, "runtime", "validator-support.js")] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}
