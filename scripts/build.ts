// Builds dist/: ESM for everything (dist/esm: library, mock, CLI), CommonJS for what a require()
// consumer imports (dist/cjs: runtime, generated models, mock), and declarations beside both.
// Each file is transpiled on its own (no bundling), so one model's entry loads only that model.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const LIBRARY = ["runtime", "generated", "mock"];
const CLI = ["cli"];

async function sources(dirs: string[], pattern: RegExp): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    for (const e of await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const path = join(e.parentPath, e.name);
      if (e.isFile() && pattern.test(e.name) && !e.name.endsWith(".d.ts") && !e.name.endsWith(".test.ts")) files.push(path);
    }
  }
  return files.sort();
}

/** `moduleUrl`: give CommonJS output an import.meta.url (the mock finds its default snapshot with it). */
async function transpile(dirs: string[], format: "esm" | "cjs", outdir: string, moduleUrl = false): Promise<void> {
  await build({
    ...(moduleUrl && {
      define: { "import.meta.url": "__oxenModuleUrl" },
      banner: { js: 'const __oxenModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    entryPoints: await sources(dirs, /\.(ts|js)$/),
    outbase: ROOT,
    outdir,
    format,
    platform: "neutral",
    target: "es2022",
    bundle: false,
    logLevel: "warning",
    // Sources import "./x.js"; under dist/cjs those files are CommonJS, so the specifiers stay.
    outExtension: { ".js": ".js" },
  });
}

/** Copies hand-written and generated declaration files (*.d.ts beside .js sources) into a tree. */
async function copyDeclarations(from: string, to: string): Promise<void> {
  for (const e of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(".d.ts")) continue;
    const target = join(to, join(e.parentPath, e.name).slice(from.length));
    await mkdir(dirname(target), { recursive: true });
    await cp(join(e.parentPath, e.name), target);
  }
}

await rm(DIST, { recursive: true, force: true });
await transpile([...LIBRARY, ...CLI], "esm", join(DIST, "esm"));
await transpile(["runtime", "generated"], "cjs", join(DIST, "cjs"));
await transpile(["mock"], "cjs", join(DIST, "cjs"), true);
await writeFile(join(DIST, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

// The snapshot, for the mock's default models and the CLI's users, at the depth the code expects.
for (const tree of ["esm", "cjs"]) await cp(join(ROOT, "schemas"), join(DIST, tree, "schemas"), { recursive: true });

// One declaration pass; the same .d.ts text reads as ESM under dist/esm and as CommonJS under
// dist/cjs (whose package.json says so), which is what TypeScript's node16 resolution expects.
const types = join(DIST, "types");
execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
for (const dir of LIBRARY) await copyDeclarations(join(ROOT, dir), join(types, dir));
for (const tree of ["esm", "cjs"]) await cp(types, join(DIST, tree), { recursive: true });
await rm(types, { recursive: true });
