// The vendored JSON-Schema-Test-Suite (test/fixtures/json-schema-test-suite), as the tests that run it read it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SUITE = join(import.meta.dirname, "fixtures", "json-schema-test-suite");

/** Each vendored draft's meta-schema URI. */
export const DRAFTS = {
  draft4: "http://json-schema.org/draft-04/schema#",
  draft6: "http://json-schema.org/draft-06/schema#",
  draft7: "http://json-schema.org/draft-07/schema#",
  "draft2019-09": "https://json-schema.org/draft/2019-09/schema",
  "draft2020-12": "https://json-schema.org/draft/2020-12/schema",
};

export type Draft = keyof typeof DRAFTS;

export interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/** A draft's files, relative to its folder and sorted: the core files, then the optional ones, then the optional format ones. */
export function suiteFiles(draft: string): string[] {
  const json = (folder: string): string[] => readdirSync(join(SUITE, draft, folder)).filter((f) => f.endsWith(".json")).sort().map((f) => join(folder, f));
  return [...json(""), ...json("optional"), ...json(join("optional", "format"))];
}

/** The groups of one suite file. */
export function suiteGroups(draft: string, file: string): SuiteGroup[] {
  return JSON.parse(readFileSync(join(SUITE, draft, file), "utf8")) as SuiteGroup[];
}
