// Minified browser bundles of a program, as an app bundler ships them: the measure of size that
// bench/startup.ts, bench/targets.ts and test/consumer/package.test.ts share.
import { build } from "esbuild";
import { join, relative } from "node:path";

/** `program` bundled into one file for the browser and minified; an `import()` in it is bundled in too. */
export async function browserBundle(resolveDir: string, program: string): Promise<Uint8Array> {
  const result = await build({ stdin: { contents: program, resolveDir, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  return result.outputFiles[0]!.contents;
}

/** A program split into chunks: what loads before it runs, and what loads only when an `import()` asks for it. */
export interface SplitBundle {
  /** The entry chunk and every chunk it imports statically, joined. */
  atStart: string;
  /** Bytes of `atStart`. */
  atStartBytes: number;
  /** Every other chunk: reached only through a dynamic `import()` (each model's, loaded on first use). */
  onDemand: string[];
}

/** `program` bundled for the browser with code splitting, minified, into chunks (nothing written). */
export async function splitBundle(resolveDir: string, program: string): Promise<SplitBundle> {
  const result = await build({
    stdin: { contents: program, resolveDir, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform: "browser",
    absWorkingDir: resolveDir,
    outdir: join(resolveDir, "out"),
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  // The metafile names outputs relative to the working folder.
  const text = new Map(result.outputFiles.map((f) => [relative(resolveDir, f.path), f.text]));
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const atStart = new Set<string>();
  const visit = (path: string): void => {
    if (atStart.has(path)) return;
    atStart.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(entry);
  const chunks = Object.keys(outputs).filter((path) => path.endsWith(".js"));
  const joined = [...atStart].map((path) => text.get(path)!).join("\n");
  return { atStart: joined, atStartBytes: [...atStart].reduce((sum, path) => sum + outputs[path]!.bytes, 0), onDemand: chunks.filter((path) => !atStart.has(path)).map((path) => text.get(path)!) };
}
