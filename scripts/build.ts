// Builds both packages. The client (this folder's package.json) goes to dist/esm and dist/cjs:
// ESM for everything (library, mock, CLI), CommonJS for what a require() consumer imports (runtime,
// generated models, mock), declarations beside both. The generator package goes to
// dist/generator-package, laid out as the sources are (generator/, cli/, runtime/, templates/), so
// that its relative paths hold; `npm pack dist/generator-package` packs it.
// Each file is transpiled on its own (no bundling), so one model's entry loads only that model.
import { build, type BuildOptions } from "esbuild";
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import Handlebars from "handlebars";
import { dirname, join } from "node:path";
import { COMPILE_OPTIONS, precompiledPath } from "../generator/emit/templates.js";
import { sha256 } from "../generator/snapshot/canonical.js";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const LIBRARY = ["runtime", "generated", "mock"];
const GENERATOR_PACKAGE = join(DIST, "generator-package");
/** What the generator runs besides its own folder: the command-line plumbing and the runtime (for fetch). */
const GENERATOR_SHARED = ["cli/args.ts", "cli/dispatch.ts", "cli/errors.ts", "cli/version.ts", "runtime"];

async function sources(paths: string[], pattern: RegExp): Promise<string[]> {
  const files: string[] = [];
  const wanted = (name: string): boolean => pattern.test(name) && !name.endsWith(".d.ts") && !name.endsWith(".test.ts");
  for (const path of paths) {
    if (wanted(path)) {
      files.push(join(ROOT, path));
      continue;
    }
    for (const e of await readdir(join(ROOT, path), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && wanted(e.name)) files.push(join(e.parentPath, e.name));
    }
  }
  return files.sort();
}

/** For CommonJS output: an import.meta.url (the mock finds its default snapshot with it). */
const MODULE_URL: BuildOptions = {
  define: { "import.meta.url": "__oxenModuleUrl" },
  banner: { js: 'const __oxenModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
/**
 * For CommonJS output: the index's per-model import() becomes a require(). Node's import() of a
 * CommonJS file would not see the named exports esbuild writes. (Not for the runtime: its import()
 * of node:fs is written for bundlers not to follow.)
 */
const IMPORT_AS_REQUIRE: BuildOptions = { supported: { "dynamic-import": false } };

async function transpile(paths: string[], format: "esm" | "cjs", outdir: string, options: BuildOptions = {}): Promise<void> {
  await build({
    ...options,
    entryPoints: await sources(paths, /\.(ts|js)$/),
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

async function buildClient(): Promise<void> {
  await transpile([...LIBRARY, "cli"], "esm", join(DIST, "esm"));
  await transpile(["runtime"], "cjs", join(DIST, "cjs"));
  await transpile(["generated"], "cjs", join(DIST, "cjs"), IMPORT_AS_REQUIRE);
  await transpile(["mock"], "cjs", join(DIST, "cjs"), MODULE_URL);
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
}

/** Each template beside its precompiled form, so that the installed generator loads only handlebars' run time (generator/emit/templates.ts). */
async function precompileTemplates(dir: string): Promise<void> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".hbs"))) {
    const path = join(dir, file);
    const source = await readFile(path, "utf8");
    const spec = Handlebars.precompile(source, COMPILE_OPTIONS);
    await writeFile(precompiledPath(path), `module.exports = { source: ${JSON.stringify(sha256(source))}, spec: ${String(spec)} };\n`);
  }
}

async function buildGenerator(): Promise<void> {
  await transpile(["generator", ...GENERATOR_SHARED], "esm", GENERATOR_PACKAGE);
  // Declarations of its entry (the `main` the client's command calls) and what that entry names.
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.generator.json")], { stdio: "inherit" });
  await cp(join(ROOT, "templates"), join(GENERATOR_PACKAGE, "templates"), { recursive: true });
  await precompileTemplates(join(GENERATOR_PACKAGE, "templates"));
  await mkdir(join(GENERATOR_PACKAGE, "bin"));
  await cp(join(ROOT, "bin", "oxen-contracts-generator.js"), join(GENERATOR_PACKAGE, "bin", "oxen-contracts-generator.js"));
  for (const file of ["LICENSE", "CHANGELOG.md"]) await cp(join(ROOT, file), join(GENERATOR_PACKAGE, file));
  await cp(join(ROOT, "generator", "README.md"), join(GENERATOR_PACKAGE, "README.md"));
  // The manifest's version follows the client's: the two are released together.
  const client = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
  const manifest = JSON.parse(await readFile(join(ROOT, "generator", "package.json"), "utf8"));
  if (manifest.version !== client.version || manifest.dependencies["oxen-contracts"] !== client.version) {
    throw new Error(`generator/package.json must have version ${client.version} and depend on oxen-contracts ${client.version}`);
  }
  await writeFile(join(GENERATOR_PACKAGE, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

await rm(DIST, { recursive: true, force: true });
await buildClient();
await buildGenerator();
