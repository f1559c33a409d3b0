// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "operation-removed",
  level: "breaking",
  description: "An operation the runtime calls is gone from Oxen's OpenAPI document.",
  example: { before: { paths: { "/api/ai/queue": { post: {} } } }, after: { paths: {} } },
} as const;
