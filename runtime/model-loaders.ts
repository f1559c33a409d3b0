// Models known by id whose code loads when a call first names one: the generated index maps each
// id to a loader of its module, so that importing the index loads no validator.
import { ValidationError } from "./errors.js";
import type { ModelRef } from "./inputs.js";
import { closestName } from "./validation.js";

/** Loads a generated model module (`() => import("./models/<id>.js")`); the client needs its `ref`. */
export type ModelLoader = () => Promise<{ readonly ref: ModelRef }>;

/** The error for an id that is not among `known`: it names the closest known id. */
export function unknownModel(model: string, known: readonly string[]): ValidationError {
  const suggestion = closestName(model, known);
  const message = `unknown model "${model}"${suggestion === undefined ? "" : `; did you mean ${suggestion}?`}`;
  return new ValidationError(model, [{ path: "", keyword: "model", params: { model, suggestion }, message }]);
}

/** The module `loaders` has for `id` (a module type by id in `M`), loaded; an id it does not have is refused with `unknownModel`, nothing loaded. */
export function loadModule<M, K extends keyof M & string>(loaders: { readonly [P in keyof M]: () => Promise<M[P]> }, id: K): Promise<M[K]> {
  return Object.hasOwn(loaders, id) ? loaders[id]() : Promise.reject(unknownModel(id, Object.keys(loaders)));
}
