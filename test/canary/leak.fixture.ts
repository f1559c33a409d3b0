// Leaks the suite's canary key on purpose, the way LEAK says; test/canary.test.ts expects the run to fail.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CANARY_KEY, tempDir } from "../helpers.js";

it("leaks the key", async () => {
  if (process.env.LEAK === "log") console.log(`authorization: Bearer ${CANARY_KEY}`);
  if (process.env.LEAK === "file") await writeFile(join(await tempDir(), "request.log"), `Bearer ${CANARY_KEY}`);
  if (process.env.LEAK === "error") expect(CANARY_KEY).toBe("something else");
  expect(true).toBe(true);
});
