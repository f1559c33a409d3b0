// Not a check of its own: the engine reports it when a change inside a oneOf branch loosens that
// branch while another branch may accept the same values (see engine.ts).
export default {
  id: "variant-overlap-widened",
  level: "breaking",
  description: "A oneOf branch accepts more while another branch may accept the same values: those now match two branches and are rejected.",
  example: { before: { oneOf: [{ type: "string", maxLength: 3 }, { type: "string", minLength: 5 }] }, after: { oneOf: [{ type: "string", maxLength: 6 }, { type: "string", minLength: 5 }] } },
} as const;
