// The rule catalogue: every rule the diff applies, in report order (most severe level first).
// A rule lives in its own file with a test beside it (<id>.ts, <id>.test.ts).
import type { Rule, RuleEntry } from "../types.js";
import annotationChanged from "./annotation-changed.js";
import basicChanged from "./basic-changed.js";
import boundRelaxed from "./bound-relaxed.js";
import closedToUnknownProperties from "./closed-to-unknown-properties.js";
import conditionChanged from "./condition-changed.js";
import constraintAdded from "./constraint-added.js";
import constraintRemoved from "./constraint-removed.js";
import defaultAdded from "./default-added.js";
import defaultChanged from "./default-changed.js";
import defaultRemoved from "./default-removed.js";
import dependentRequiredAdded from "./dependent-required-added.js";
import dependentRequiredRemoved from "./dependent-required-removed.js";
import deprecationChanged from "./deprecation-changed.js";
import descriptionChanged from "./description-changed.js";
import displayNameChanged from "./display-name-changed.js";
import endpointChanged from "./endpoint-changed.js";
import enumLifted from "./enum-lifted.js";
import enumReordered from "./enum-reordered.js";
import enumRestricted from "./enum-restricted.js";
import enumValueAdded from "./enum-value-added.js";
import enumValueRemoved from "./enum-value-removed.js";
import examplesChanged from "./examples-changed.js";
import extensionChanged from "./extension-changed.js";
import formatAdded from "./format-added.js";
import formatChanged from "./format-changed.js";
import formatRemoved from "./format-removed.js";
import ignoredKeywordChanged from "./ignored-keyword-changed.js";
import maximumLowered from "./maximum-lowered.js";
import minimumRaised from "./minimum-raised.js";
import modelAdded from "./model-added.js";
import modelDescriptionChanged from "./model-description-changed.js";
import modelMetadataChanged from "./model-metadata-changed.js";
import modelRemoved from "./model-removed.js";
import multipleOfRelaxed from "./multiple-of-relaxed.js";
import multipleOfTightened from "./multiple-of-tightened.js";
import negationChanged from "./negation-changed.js";
import negationRelaxed from "./negation-relaxed.js";
import nullableAdded from "./nullable-added.js";
import nullableRemoved from "./nullable-removed.js";
import openedToUnknownProperties from "./opened-to-unknown-properties.js";
import operationAdded from "./operation-added.js";
import operationRemoved from "./operation-removed.js";
import overlayUpstreamChanged from "./overlay-upstream-changed.js";
import patternAdded from "./pattern-added.js";
import patternChanged from "./pattern-changed.js";
import patternRemoved from "./pattern-removed.js";
import propertyAddedOptional from "./property-added-optional.js";
import propertyAddedRequired from "./property-added-required.js";
import propertyBecameOptional from "./property-became-optional.js";
import propertyBecameRequired from "./property-became-required.js";
import propertyRemoved from "./property-removed.js";
import renderTypeChanged from "./render-type-changed.js";
import responsePropertyAdded from "./response-property-added.js";
import responsePropertyRemoved from "./response-property-removed.js";
import responseValueChanged from "./response-value-changed.js";
import responseValueNarrowed from "./response-value-narrowed.js";
import responseValueWidened from "./response-value-widened.js";
import schemaInvalid from "./schema-invalid.js";
import schemaRepaired from "./schema-repaired.js";
import titleChanged from "./title-changed.js";
import typeChanged from "./type-changed.js";
import typeNarrowed from "./type-narrowed.js";
import typeWidened from "./type-widened.js";
import unclassified from "./unclassified.js";
import uniqueItemsAdded from "./unique-items-added.js";
import uniqueItemsRemoved from "./unique-items-removed.js";
import unknownKeywordChanged from "./unknown-keyword-changed.js";
import variantAdded from "./variant-added.js";
import variantOverlapAdded from "./variant-overlap-added.js";
import variantOverlapWidened from "./variant-overlap-widened.js";
import variantRemoved from "./variant-removed.js";
import xOrderChanged from "./x-order-changed.js";
export const RULES: readonly Rule[] = [
  // breaking
  modelRemoved,
  endpointChanged,
  propertyRemoved,
  propertyAddedRequired,
  propertyBecameRequired,
  typeNarrowed,
  typeChanged,
  enumValueRemoved,
  enumRestricted,
  minimumRaised,
  maximumLowered,
  formatAdded,
  patternAdded,
  closedToUnknownProperties,
  variantRemoved,
  nullableRemoved,
  patternChanged,
  formatChanged,
  multipleOfTightened,
  uniqueItemsAdded,
  constraintAdded,
  negationChanged,
  conditionChanged,
  variantOverlapAdded,
  dependentRequiredAdded,
  // behavior
  defaultAdded,
  defaultRemoved,
  defaultChanged,
  overlayUpstreamChanged,
  // feature
  modelAdded,
  propertyAddedOptional,
  propertyBecameOptional,
  typeWidened,
  enumValueAdded,
  enumLifted,
  boundRelaxed,
  formatRemoved,
  patternRemoved,
  openedToUnknownProperties,
  variantAdded,
  nullableAdded,
  multipleOfRelaxed,
  uniqueItemsRemoved,
  constraintRemoved,
  negationRelaxed,
  dependentRequiredRemoved,
  // docs
  displayNameChanged,
  modelDescriptionChanged,
  modelMetadataChanged,
  descriptionChanged,
  titleChanged,
  examplesChanged,
  xOrderChanged,
  basicChanged,
  renderTypeChanged,
  extensionChanged,
  enumReordered,
  deprecationChanged,
  annotationChanged,
  ignoredKeywordChanged,
  unknownKeywordChanged,
];

export { unclassified as UNCLASSIFIED };

/** Rules the engine applies itself, where a comparison spans more than one node or model. */
export const ENGINE_RULES = {
  schemaInvalid,
  operationRemoved,
  responsePropertyRemoved,
  responseValueWidened,
  responseValueChanged,
  variantOverlapWidened,
  schemaRepaired,
  operationAdded,
  responsePropertyAdded,
  responseValueNarrowed,
} satisfies Record<string, RuleEntry>;

/** Every id the diff can report, with its level, description and example: the rules, the engine's and `unclassified`. */
export const CATALOGUE: readonly RuleEntry[] = [
  ...RULES.map(({ id, level, description, example }) => ({ id, level, description, ...(example === undefined ? {} : { example }) })),
  ...Object.values(ENGINE_RULES),
  unclassified,
];
