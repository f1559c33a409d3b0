// Not a check of its own: the engine reports it for a model that cannot be read on the new side
// (not JSON, no id, an invalid request schema), so one broken model never hides the others.
export default {
  id: "schema-invalid",
  level: "breaking",
  description: "A model object cannot be read on the new side (not JSON, no id, an invalid request schema); no request to it can be checked.",
  example: { before: { type: "integer" }, after: { type: "int" } },
} as const;
