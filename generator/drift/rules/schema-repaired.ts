// Not a check of its own: the engine reports it for a model that could not be read on the old
// side and can on the new one.
export default {
  id: "schema-repaired",
  level: "feature",
  description: "A model object that could not be read on the old side can be read on the new one.",
  example: { before: { type: "int" }, after: { type: "integer" } },
} as const;
