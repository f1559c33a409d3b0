// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-value-widened",
  level: "breaking",
  description: "A response field may now carry values it could not (a wider type, a new enum value, null): code reading it may not handle them.",
  example: { before: { type: "object", properties: { id: { type: "string" } } }, after: { type: "object", properties: { id: { type: "string", nullable: true } } } },
} as const;
