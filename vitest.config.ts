import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const runtime = (file: string) => fileURLToPath(new URL(`./runtime/${file}`, import.meta.url));

export default defineConfig({
  // Code generated outside the repository imports the runtime by package name, as in a user's project;
  // the suite resolves that name to the runtime's sources.
  resolve: {
    alias: [
      { find: /^oxen-contracts\/runtime\/validator-support$/, replacement: runtime("validator-support.js") },
      { find: /^oxen-contracts\/runtime$/, replacement: runtime("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "generator/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/canary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
