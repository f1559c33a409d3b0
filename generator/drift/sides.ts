// Two sides of a diff in full: readable models compared rule by rule, a model that cannot be read
// reported as a change of its own, and the envelope when both sides have Oxen's OpenAPI document.
import { diffModels, summarize } from "./engine.js";
import { diffEnvelopes } from "./envelope.js";
import { ENGINE_RULES } from "./rules/index.js";
import type { InvalidModel, Side } from "./sources.js";
import type { Change, DiffReport, RuleEntry } from "./types.js";

export function diffSides(before: Side, after: Side): DiffReport {
  const old = new Map(before.models.map((m) => [m.id, m]));
  const now = new Map(after.models.map((m) => [m.id, m]));
  const oldInvalid = new Map(before.invalid.map((m) => [m.id, m]));
  const nowInvalid = new Map(after.invalid.map((m) => [m.id, m]));
  const ids = [...new Set([...old.keys(), ...now.keys(), ...oldInvalid.keys(), ...nowInvalid.keys()])].sort();
  const changes = ids.flatMap((id): Change[] => {
    const [broken, wasBroken] = [nowInvalid.get(id), oldInvalid.get(id)];
    if (broken !== undefined) {
      return wasBroken?.text === broken.text ? [] : [invalidChange(id, ENGINE_RULES.schemaInvalid, wasBroken, broken, `cannot be read: ${broken.reason} (${broken.file})`)];
    }
    if (wasBroken !== undefined) return now.has(id) ? [invalidChange(id, ENGINE_RULES.schemaRepaired, wasBroken, undefined, `can be read again (it could not: ${wasBroken.reason})`)] : [];
    return diffModels(id, old.get(id), now.get(id));
  });
  return summarize([...changes, ...diffEnvelopes(before.hub, after.hub)]);
}

function invalidChange(model: string, rule: RuleEntry, before: InvalidModel | undefined, after: InvalidModel | undefined, message: string): Change {
  const side = (m: InvalidModel | undefined) => (m === undefined ? null : { file: m.file, reason: m.reason });
  return { model, path: "", rule: rule.id, level: rule.level, before: side(before), after: side(after), message: `model ${model}: ${message}` };
}
