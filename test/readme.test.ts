// Every TypeScript block of the README compiles, strictly, against the package as its users import
// it ("oxen-contracts", "oxen-contracts/runtime", "oxen-contracts/models/<id>", "oxen-contracts/mock").
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** The ```ts blocks of a markdown text, with the line each starts on. */
export function typescriptBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

describe("README.md", async () => {
  const blocks = typescriptBlocks(await readFile(join(ROOT, "README.md"), "utf8"));

  it("has TypeScript blocks to check", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it("compiles every TypeScript block", async () => {
    // Beside the tests, so that the libraries a block uses (hono, say) resolve from node_modules.
    const dir = await mkdtemp(join(ROOT, "test", ".readme-"));
    const files: string[] = [];
    for (const block of blocks) {
      const file = join(dir, `block-${block.line}.ts`);
      // A block is a module of its own (imports, top-level await), whether or not it exports anything.
      await writeFile(file, `${block.code}\nexport {};\n`);
      files.push(file);
    }
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules", "@types")],
      skipLibCheck: true,
      baseUrl: ROOT,
      paths: {
        "oxen-contracts": ["generated/index.ts"],
        "oxen-contracts/all-models": ["generated/all-models.ts"],
        "oxen-contracts/runtime": ["runtime/index.ts"],
        "oxen-contracts/mock": ["mock/index.ts"],
        "oxen-contracts/models/*": ["generated/models/*.ts"],
      },
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file === undefined ? "" : `README.md block at line ${d.file.fileName.match(/block-(\d+)\.ts$/)?.[1]}, its line ${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    await rm(dir, { recursive: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
