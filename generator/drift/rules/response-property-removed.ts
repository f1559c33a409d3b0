// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-property-removed",
  level: "breaking",
  description: "A field of a response the runtime reads was removed: code that reads it gets nothing.",
} as const;
