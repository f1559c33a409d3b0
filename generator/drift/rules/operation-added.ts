// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "operation-added",
  level: "feature",
  description: "An operation the runtime calls appeared in Oxen's OpenAPI document.",
  example: { before: { paths: {} }, after: { paths: { "/api/ai/queue": { post: {} } } } },
} as const;
