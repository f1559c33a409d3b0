import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "generator/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/canary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
