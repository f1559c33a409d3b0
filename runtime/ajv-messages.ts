// Ajv's English messages (ajv/dist/vocabularies/*) for the keywords validation.ts has no words of
// its own for, built from an error's keyword and params: generated validators leave messages out
// (Ajv's `messages: false`), which makes each of them smaller. test/ajv-messages.test.ts holds
// these to Ajv's own.

/** The message Ajv gives an error of `keyword` with `params`. */
export function ajvMessage(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case "false schema":
      return "boolean schema is false";
    case "not":
      return "must NOT be valid";
    case "anyOf":
      return "must match a schema in anyOf";
    case "oneOf":
      return "must match exactly one schema in oneOf";
    case "if":
      return `must match "${String(params.failingKeyword)}" schema`;
    case "contains":
      return params.maxContains === undefined
        ? `must contain at least ${String(params.minContains)} valid item(s)`
        : `must contain at least ${String(params.minContains)} and no more than ${String(params.maxContains)} valid item(s)`;
    case "dependencies":
    case "dependentRequired":
      return `must have ${params.depsCount === 1 ? "property" : "properties"} ${String(params.deps)} when property ${String(params.property)} is present`;
    case "propertyNames":
      return "property name must be valid";
    case "maxProperties":
    case "minProperties":
      return `must NOT have ${keyword === "maxProperties" ? "more" : "fewer"} than ${String(params.limit)} properties`;
    case "additionalItems":
    case "items":
    case "unevaluatedItems":
      return `must NOT have more than ${String(params.limit)} items`;
    case "unevaluatedProperties":
      return "must NOT have unevaluated properties";
    case "discriminator":
      return params.error === "tag" ? `tag "${String(params.tag)}" must be string` : `value of tag "${String(params.tag)}" must be in oneOf`;
    default:
      return `must pass "${keyword}" keyword validation`;
  }
}
