// Not a check of its own: envelope.ts reports it when both sides have Oxen's OpenAPI document.
export default {
  id: "response-value-narrowed",
  level: "docs",
  description: "A response field carries fewer kinds of values (a bound, a format, an enum value removed): code reading it is unaffected.",
} as const;
