import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HISTORY_PAGE, HISTORY_PAGE_SIZE, NUM_GENERATIONS, outOfRange } from "../runtime/limits.js";

const DOCUMENT = JSON.parse(readFileSync(join(import.meta.dirname, "..", "schemas", "hub-openapi.json"), "utf8"));

describe("the ranges checked before sending", () => {
  it("are the ones the published document declares", () => {
    const numGenerations = DOCUMENT.components.schemas.QueueCreateRequest.properties.num_generations;
    expect(NUM_GENERATIONS).toEqual({ min: numGenerations.minimum, max: numGenerations.maximum });
    const params = Object.fromEntries((DOCUMENT.paths["/api/ai/generations"].get.parameters as { name: string; schema: Record<string, number> }[]).map((p) => [p.name, p.schema]));
    expect(HISTORY_PAGE_SIZE).toEqual({ min: params.page_size!.minimum, max: params.page_size!.maximum, default: params.page_size!.default });
    expect(HISTORY_PAGE.min).toBe(params.page!.minimum);
  });

  it("say what is wrong with a value", () => {
    expect(outOfRange("numGenerations", 12, NUM_GENERATIONS)).toBeUndefined();
    expect(outOfRange("numGenerations", 0, NUM_GENERATIONS)).toBe("numGenerations must be an integer from 1 to 12 (got 0)");
    expect(outOfRange("numGenerations", 1.5, NUM_GENERATIONS)).toBe("numGenerations must be an integer from 1 to 12 (got 1.5)");
    expect(outOfRange("numGenerations", "2", NUM_GENERATIONS)).toBe('numGenerations must be an integer from 1 to 12 (got "2")');
    expect(outOfRange("page", 0, HISTORY_PAGE)).toBe("page must be an integer at least 1 (got 0)");
  });
});
