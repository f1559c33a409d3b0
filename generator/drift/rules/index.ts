// The rule catalogue: every rule the diff applies, in report order (most severe level first).
// A rule lives in its own file with a test beside it (<id>.ts, <id>.test.ts).
import type { Level, Rule } from "../types.js";
import basicChanged from "./basic-changed.js";
import boundRelaxed from "./bound-relaxed.js";
import closedToUnknownProperties from "./closed-to-unknown-properties.js";
import defaultAdded from "./default-added.js";
import defaultChanged from "./default-changed.js";
import defaultRemoved from "./default-removed.js";
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
import formatRemoved from "./format-removed.js";
import maximumLowered from "./maximum-lowered.js";
import minimumRaised from "./minimum-raised.js";
import modelAdded from "./model-added.js";
import modelDescriptionChanged from "./model-description-changed.js";
import modelMetadataChanged from "./model-metadata-changed.js";
import modelRemoved from "./model-removed.js";
import openedToUnknownProperties from "./opened-to-unknown-properties.js";
import overlayUpstreamChanged from "./overlay-upstream-changed.js";
import patternAdded from "./pattern-added.js";
import patternRemoved from "./pattern-removed.js";
import propertyAddedOptional from "./property-added-optional.js";
import propertyAddedRequired from "./property-added-required.js";
import propertyBecameOptional from "./property-became-optional.js";
import propertyBecameRequired from "./property-became-required.js";
import propertyRemoved from "./property-removed.js";
import renderTypeChanged from "./render-type-changed.js";
import titleChanged from "./title-changed.js";
import typeChanged from "./type-changed.js";
import typeNarrowed from "./type-narrowed.js";
import typeWidened from "./type-widened.js";
import unclassified from "./unclassified.js";
import variantAdded from "./variant-added.js";
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
];

export { unclassified as UNCLASSIFIED };

/** Every id the diff can report, with its level and description: the rules and `unclassified`. */
export const CATALOGUE: readonly { id: string; level: Level; description: string }[] = [
  ...RULES.map(({ id, level, description }) => ({ id, level, description })),
  unclassified,
];
