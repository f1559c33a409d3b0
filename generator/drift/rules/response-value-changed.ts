// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-value-changed",
  level: "breaking",
  description: "A response field changed in a way that is neither narrower nor wider (e.g. its type): code reading it may not handle the new values.",
  example: { before: { type: "object", properties: { eta: { type: "integer" } } }, after: { type: "object", properties: { eta: { type: "string" } } } },
} as const;
