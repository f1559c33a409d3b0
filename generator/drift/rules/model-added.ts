import { MODEL_PRESENCE, type ModelRule } from "../types.js";

const rule: ModelRule = {
  scope: "model",
  id: "model-added",
  level: "feature",
  description: "A new model is listed.",
  example: { before: null, after: { id: "acme-video" } },
  claims: (field) => field === MODEL_PRESENCE,
  check: ({ id, before, after }) =>
    before === undefined && after !== undefined ? [{ path: "", keywords: [MODEL_PRESENCE], before: null, after: id, message: `model ${id} added` }] : [],
};
export default rule;
