import { MODEL_PRESENCE, type ModelRule } from "../types.js";

const rule: ModelRule = {
  scope: "model",
  id: "model-removed",
  level: "breaking",
  description: "A model is no longer listed: every call to it fails.",
  example: { before: { id: "acme-video" }, after: null },
  claims: (field) => field === MODEL_PRESENCE,
  check: ({ id, before, after }) =>
    before !== undefined && after === undefined ? [{ path: "", keywords: [MODEL_PRESENCE], before: id, after: null, message: `model ${id} removed` }] : [],
};
export default rule;
