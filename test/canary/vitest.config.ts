import { defineConfig } from "vitest/config";

// The suite's own canary checks, run over a test that leaks on purpose.
export default defineConfig({
  root: `${import.meta.dirname}/../..`,
  test: { include: ["test/canary/leak.fixture.ts"], globalSetup: ["test/global-setup.ts"], reporters: ["default", "./test/canary-reporter.ts"] },
});
