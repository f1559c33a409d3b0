import type { ModelContract } from "../load/model.js";
import { defaultContradiction } from "../load/defaults.js";
import type { JsonSchema } from "../load/schema-check.js";
import { mediaParameters } from "../../runtime/media.js";
import { orderedPropertyNames } from "../load/schema-views.js";
import { render } from "./templates.js";
import type { ValidatorModule } from "./emit-validator.js";
import { validatorParts } from "./validator-parts.js";

export interface ModelModuleImports {
  runtimeImport: string;
  hubImport: string;
  validatorImport: string;
}

/** Default of every top-level parameter that has one its own schema accepts, in display order. */
export function defaultsOf(schema: JsonSchema | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (schema === null) return out;
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of orderedPropertyNames(schema)) {
    const value = props[name]?.default;
    if (value !== undefined && defaultContradiction(props[name]!) === undefined) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The TypeScript module of one model: its input type, metadata, validate, generate, enqueue and
 * run; `validator` says which parts of the run time's explanation its validate passes on.
 */
export function emitModelModule(model: ModelContract, typeName: string, inputType: string, header: string, schemaSha256: string, validator: Pick<ValidatorModule, "keywords" | "declaredKeys">, imports: ModelModuleImports): string {
  const media = mediaParameters(model.schema);
  const parts = validatorParts(validator.keywords, validator.declaredKeys, media.length > 0);
  const basic = Array.isArray(model.schema?.basic) ? model.schema.basic.filter((b): b is string => typeof b === "string") : [];
  return render("model.ts", {
    header,
    ...imports,
    inputType,
    id: model.id,
    typeName,
    filesTypeName: `${typeName}WithFiles`,
    displayName: model.displayName || model.id,
    summary: model.summary,
    rule: model.overlay?.description ?? "",
    endpoint: model.endpoint,
    schemaSha256,
    basic,
    defaults: defaultsOf(model.schema),
    media,
    runtimeImports: ["enqueueWith", "generateWith", "runWith", "standardSchema", "validateWith", ...parts.imports].sort().join(", "),
    parts: parts.object,
  });
}
