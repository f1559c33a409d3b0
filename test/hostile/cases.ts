// Model objects built to attack the generator: each is untrusted input as the network could send it.

/** Every kind of text that has a meaning in some context the generator writes to. */
export const HOSTILE = "*/ /** @type {x} */ `${process.exit(1)}` \"' \\ \u2028\u2029 \u0000 </script><script>alert(1)</script> {{x}} {{{y}}} }}";

export function model(id: string, schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, object: "model", display_name: id, summary: "", endpoint: "/videos/generate", capabilities: { input: ["text"], output: ["video"] }, json_request_schema: schema, ...extra };
}

const nested = (depth: number): Record<string, unknown> => (depth === 0 ? { type: "string" } : { type: "object", properties: { n: nested(depth - 1) } });

/** Cases the generator must turn into working code that reproduces every string. */
export const ACCEPTED: Record<string, Record<string, unknown>[]> = {
  "hostile text in every field": [
    model(
      "hostile-text",
      {
        type: "object",
        title: HOSTILE,
        description: HOSTILE,
        properties: {
          p: { type: "string", title: HOSTILE, description: HOSTILE, enum: [HOSTILE, "plain", "`", "${x}"], default: HOSTILE, "x-order": 0 },
          q: { type: "string", format: HOSTILE, description: "*/", "x-note": HOSTILE, renderType: HOSTILE },
          r: { type: "array", items: { type: "string", enum: ["</script>", "\u2028"] }, default: ["</script>"] },
        },
        required: ["p"],
        basic: [HOSTILE, "p"],
      },
      { display_name: HOSTILE, summary: HOSTILE, description: HOSTILE },
    ),
  ],
  "hostile property names": [
    model("hostile-names", {
      type: "object",
      properties: Object.fromEntries(
        ["constructor", "prototype", "__proto__", "toString", "", "with space", "dash-name", "1leading", "名前", "Case", "case", HOSTILE].map((n) => [n, { type: "string", default: `default of ${n}` }]),
      ),
      required: ["constructor", ""],
    }),
  ],
  // What the validator compaction (generator/emit/compact-validator.ts) looks for in Ajv's code, as names and values.
  "names that look like the validator's own code": [
    model("code-names", {
      type: "object",
      properties: {
        ...Object.fromEntries(
          ['schema0.properties', 'x",keyword:"anyOf",y:"', "keyword:\"additionalProperties\"", '};\nvErrors = pushError(vErrors, {});', "const err0 = {", "allowedValues: schema0", '(data.x === "a") || (data.x === "b")', "parentData, rootData"].map((n) => [n, { type: "string", enum: [n, "schema0", "} = schema0.x;", '") || (data === "'] }]),
        ),
        ...Object.fromEntries(
          ['(typeof data1 == "number") && (isFinite(data1))', "data1 > 5 || isNaN(data1)", "Number.isInteger(data1)"].map((n) => [n, { type: "integer", minimum: -3, exclusiveMaximum: 1e21, enum: [-3, 0, 7, 1e20] }]),
        ),
      },
      required: ["schema0.properties", "const err0 = {"],
      anyOf: [{ required: ["const err0 = {"] }, { required: ["allowedValues: schema0"] }],
      additionalProperties: false,
    }),
  ],
  // Named by URI, found in the schema itself: honoured, and nothing is fetched (the test spies on fetch).
  "a reference by URI to a resource the schema embeds": [
    model("uri-ref", {
      type: "object",
      properties: { a: { $ref: "https://example.com/embedded.json" }, b: { $ref: "https://example.com/embedded.json#/$defs/n" } },
      required: ["a"],
      $defs: { e: { $id: "https://example.com/embedded.json", type: "string", minLength: 2, $defs: { n: { type: "integer" } } } },
    }),
  ],
  "hostile model ids": ["a/b", "a\\b", "..", "x\u0000y", "CON", "lpt1.json", "m".repeat(300), " leading space", "ümlaut", HOSTILE].map((id) =>
    model(id, { type: "object", properties: { prompt: { type: "string" } } }),
  ),
  "a recursive $ref": [
    model("recursive", {
      type: "object",
      properties: { tree: { $ref: "#/definitions/node" } },
      definitions: { node: { type: "object", properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/definitions/node" } } } } },
    }),
  ],
  "a 10,000-value enum": [model("huge-enum", { type: "object", properties: { pick: { type: "string", enum: Array.from({ length: 10_000 }, (_, i) => `value-${i}`) } } })],
  "a 5 MB description": [model("huge-description", { type: "object", properties: { prompt: { type: "string", description: "d*/".repeat(5 * 1024 * 1024 / 3) } } })],
  "a safe pattern": [model("safe-pattern", { type: "object", properties: { code: { type: "string", pattern: "^[a-z]{2,8}-[0-9]+$" } } })],
};

/** Cases the generator must refuse, with the error naming the model or file and the JSON path. */
export const REFUSED: [what: string, file: string, message: RegExp][] = [
  ["a remote $ref", JSON.stringify(model("ref-http", { type: "object", properties: { a: { $ref: "https://example.com/schema.json" } } })), /json_request_schema#\/properties\/a\/\$ref: only local references/],
  ["a file: $ref", JSON.stringify(model("ref-file", { type: "object", properties: { a: { $ref: "file:///etc/passwd" } } })), /#\/properties\/a\/\$ref: only local references/],
  ["an absolute-path $ref", JSON.stringify(model("ref-abs", { type: "object", properties: { a: { $ref: "/etc/passwd" } } })), /#\/properties\/a\/\$ref: only local references/],
  ["500-deep nesting", JSON.stringify(model("deep", nested(500))), /json_request_schema#(\/properties\/n){64,}: schema nesting deeper than 64 levels/],
  ["a catastrophic pattern", JSON.stringify(model("redos", { type: "object", properties: { p: { type: "string", pattern: "^(a+)+$" } } })), /#\/properties\/p\/pattern: .*backtrack/],
  ["invalid JSON", '{"id": "broken", ', /not valid JSON/],
  ["a schema that is not an object", JSON.stringify(model("not-object", ["type", "object"])), /json_request_schema#: the request schema must be a JSON object/],
  ["an unknown type", JSON.stringify(model("unknown-type", { type: "object", properties: { a: { type: "text" } } })), /json_request_schema#\/properties\/a\/type: unknown type "text"/],
  ["a model object that is not an object", "[1, 2]", /expected a model object, got an array/],
  ["an id that is not a string", JSON.stringify({ id: 7 }), /field "id" must be a non-empty string/],
];

/** Ids that cannot live side by side: the second is refused, naming both. */
export const CLASHING_IDS = ["Model-A", "model-a"];
