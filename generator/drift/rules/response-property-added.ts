// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-property-added",
  level: "feature",
  description: "A field was added to a response the runtime reads.",
  example: { before: { type: "object", properties: { id: { type: "string" } } }, after: { type: "object", properties: { id: { type: "string" }, eta: { type: "integer" } } } },
} as const;
