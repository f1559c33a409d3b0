import { MODEL_PRESENCE } from "../types.js";
import { fieldRule } from "./define.js";
import displayNameChanged from "./display-name-changed.js";
import endpointChanged from "./endpoint-changed.js";
import modelDescriptionChanged from "./model-description-changed.js";

// The other model fields (pricing, capabilities, created, ...) describe the model but are not part
// of any request, so no call changes because of them.
const described = [MODEL_PRESENCE, "id"];
const others = [displayNameChanged, endpointChanged, modelDescriptionChanged];

export default fieldRule({
  id: "model-metadata-changed",
  level: "docs",
  description: "A field of the model object outside the request schema changed (pricing, capabilities, ...).",
  example: { before: { pricing: { per_second: 0.1 } }, after: { pricing: { per_second: 0.2 } } },
  fields: (field) => !described.includes(field) && !others.some((rule) => rule.claims(field)),
  message: (field) => `${field} changed (model metadata, not part of the request)`,
});
