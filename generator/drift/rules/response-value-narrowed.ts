// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-value-narrowed",
  level: "docs",
  description: "A response field carries fewer kinds of values (a bound, a format, an enum value removed): code reading it is unaffected.",
  example: { before: { type: "object", properties: { status: { enum: ["queued", "running"] } } }, after: { type: "object", properties: { status: { enum: ["queued"] } } } },
} as const;
