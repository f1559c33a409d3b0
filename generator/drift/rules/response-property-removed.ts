// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-property-removed",
  level: "breaking",
  description: "A field of a response the runtime reads was removed: code that reads it gets nothing.",
  example: { before: { type: "object", properties: { id: { type: "string" }, eta: { type: "integer" } } }, after: { type: "object", properties: { id: { type: "string" } } } },
} as const;
