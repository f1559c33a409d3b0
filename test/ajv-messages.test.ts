// Generated validators carry no messages; runtime/ajv-messages.ts builds Ajv's from keyword and
// params for the keywords runtime/validation.ts has no words of its own for. Judge: Ajv itself,
// with its messages on, on every instance of the official JSON-Schema-Test-Suite.
import { describe, expect, it } from "vitest";
import { createAjv } from "../generator/emit/emit-validator.js";
import { ajvMessage } from "../runtime/ajv-messages.js";
import { suiteFiles, suiteGroups } from "./json-schema-suite-files.js";

/** The keywords validation.ts words itself (its fieldError), whose Ajv messages are never shown. */
const OWN_WORDS = new Set(["required", "additionalProperties", "type", "enum", "const", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "maxItems", "minItems", "format", "pattern", "multipleOf", "uniqueItems"]);

describe.each(["draft7", "draft2020-12"])("%s", (draft) => {
  it("ajvMessage gives every error Ajv's own message", () => {
    const compared = new Set<string>();
    for (const file of suiteFiles(draft)) {
      const groups = suiteGroups(draft, file);
      for (const group of groups) {
        let validate;
        try {
          validate = createAjv(group.schema, { strict: false }).compile(group.schema as object);
        } catch {
          continue; // remote references and the like: Ajv compiles nothing to compare
        }
        for (const { data } of group.tests) {
          try {
            if (validate(data)) continue;
          } catch {
            continue; // the recursive resources exceptions.json lists overflow Ajv's stack
          }
          for (const e of validate.errors ?? []) {
            if (OWN_WORDS.has(e.keyword)) continue;
            expect(ajvMessage(e.keyword, e.params), `${file}: ${JSON.stringify(e)}`).toBe(e.message);
            compared.add(e.keyword);
          }
        }
      }
    }
    const expected = ["anyOf", "oneOf", "not", "if", "contains", "propertyNames", "maxProperties", "minProperties", "false schema", draft === "draft7" ? "additionalItems" : "unevaluatedItems", draft === "draft7" ? "dependencies" : "dependentRequired"];
    expect([...compared].sort()).toEqual(expect.arrayContaining(expected.sort()));
  });
});
