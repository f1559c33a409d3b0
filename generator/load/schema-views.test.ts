import { describe, expect, it } from "vitest";
import { validatorSchema } from "./schema-views.js";

describe("validatorSchema", () => {
  it("leaves out annotations and unknown keywords, so an $id inside one is no resource of Ajv's", () => {
    const schema = { description: "d", "x-order": 1, widget: { $id: "https://example.com/a", type: "null" }, type: "string" };
    expect(validatorSchema(schema)).toEqual({ type: "string" });
  });

  it("keeps an annotation or unknown keyword a local $ref passes through, so the reference still lands", () => {
    const schema = {
      examples: [{ type: "integer" }],
      "my/keyword": { type: "string" },
      title: "t",
      properties: { a: { $ref: "#/examples/0" }, b: { $ref: "#/my~1keyword" } },
    };
    expect(validatorSchema(schema)).toEqual({ examples: [{ type: "integer" }], "my/keyword": { type: "string" }, properties: { a: { $ref: "#/examples/0" }, b: { $ref: "#/my~1keyword" } } });
  });

  it("keeps OpenAPI's validating keywords, which Ajv reads", () => {
    expect(validatorSchema({ type: "string", nullable: true })).toEqual({ type: "string", nullable: true });
  });
});
