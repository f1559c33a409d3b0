// Which breaking rules only narrow what is accepted: a change under one of them never accepts a
// value that was rejected. Under not such a change loosens; in a response a reader is unaffected.
// Not among them: a property added as required or removed from a closed object (the name becomes
// allowed or its requirement goes), a multipleOf replaced, a oneOf branch removed (a value that
// matched two branches now matches one).
import closedToUnknownProperties from "./rules/closed-to-unknown-properties.js";
import constraintAdded from "./rules/constraint-added.js";
import dependentRequiredAdded from "./rules/dependent-required-added.js";
import enumRestricted from "./rules/enum-restricted.js";
import enumValueRemoved from "./rules/enum-value-removed.js";
import formatAdded from "./rules/format-added.js";
import maximumLowered from "./rules/maximum-lowered.js";
import minimumRaised from "./rules/minimum-raised.js";
import nullableRemoved from "./rules/nullable-removed.js";
import patternAdded from "./rules/pattern-added.js";
import propertyBecameRequired from "./rules/property-became-required.js";
import typeNarrowed from "./rules/type-narrowed.js";
import uniqueItemsAdded from "./rules/unique-items-added.js";
import type { Change } from "./types.js";

export const ONLY_NARROWING: ReadonlySet<string> = new Set(
  [
    minimumRaised,
    maximumLowered,
    enumValueRemoved,
    enumRestricted,
    formatAdded,
    patternAdded,
    propertyBecameRequired,
    typeNarrowed,
    nullableRemoved,
    uniqueItemsAdded,
    closedToUnknownProperties,
    dependentRequiredAdded,
    constraintAdded,
  ].map((r) => r.id),
);

/** Whether a set of changes (documentation aside) narrows what is accepted and nothing else. */
export function onlyNarrows(changes: readonly Change[]): boolean {
  const meaningful = changes.filter((c) => c.level !== "docs");
  return meaningful.length > 0 && meaningful.every((c) => ONLY_NARROWING.has(c.rule));
}
