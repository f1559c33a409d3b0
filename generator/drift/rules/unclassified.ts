// Not a check of its own: the engine reports under this id every difference no rule accounts for,
// so that nothing is dropped and an unknown change is treated as the worst case.
export default {
  id: "unclassified",
  level: "breaking",
  example: { before: { $ref: "#/nowhere/a" }, after: { $ref: "#/nowhere/b" } },
  description: "A comparison the engine cannot make (a reference it cannot follow); reported as breaking so it is never missed, and a bug to fix.",
} as const;
