// Which JSON Schema draft a request schema is written in, from its `$schema`.

export type Dialect = "draft-06" | "draft-07" | "2019-09" | "2020-12";

const DIALECTS: Record<string, Dialect> = {
  "json-schema.org/draft-06/schema": "draft-06",
  "json-schema.org/draft-07/schema": "draft-07",
  "json-schema.org/draft/2019-09/schema": "2019-09",
  "json-schema.org/draft/2020-12/schema": "2020-12",
};

/** The meta-schema URI Ajv knows each draft by. */
export const META_SCHEMA: Record<Dialect, string> = {
  "draft-06": "http://json-schema.org/draft-06/schema#",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2019-09": "https://json-schema.org/draft/2019-09/schema",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/**
 * The draft a `$schema` value names (http or https, with or without the empty fragment), or
 * undefined for one this generator does not support. No `$schema`: draft-07, as before.
 */
export function dialectOf(schemaUri: unknown): Dialect | undefined {
  if (schemaUri === undefined) return "draft-07";
  if (typeof schemaUri !== "string") return undefined;
  const key = schemaUri.replace(/^https?:\/\//, "").replace(/#$/, "");
  return Object.hasOwn(DIALECTS, key) ? DIALECTS[key] : undefined;
}

/** The `$schema` values a request schema may name: draft-04 too, which the load stage reads as draft-07 (draft-04.ts). */
export const SUPPORTED_DIALECTS = ["http://json-schema.org/draft-04/schema#", ...Object.values(META_SCHEMA)];

/** The draft of a whole schema, from its `$schema`; draft-07 for one this generator does not support (the load stage refuses those first). */
export function schemaDialect(schema: unknown): Dialect {
  return (schema !== null && typeof schema === "object" && !Array.isArray(schema) ? dialectOf((schema as Record<string, unknown>).$schema) : undefined) ?? "draft-07";
}

/** Whether `$ref` overrides its sibling keywords, as in draft-06 and draft-07 (later drafts apply them beside it). */
export function refOverridesSiblings(dialect: Dialect): boolean {
  return dialect === "draft-06" || dialect === "draft-07";
}
