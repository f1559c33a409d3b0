// The common shapes of a rule: one about a schema keyword's value, one about a model field.
import { pointerTo, same } from "../support.js";
import type { Finding, Level, ModelRule, RuleExample, SchemaPair, SchemaRule } from "../types.js";

interface KeywordSpec {
  id: string;
  level: Level;
  description: string;
  example?: RuleExample;
  keywords: readonly string[] | ((keyword: string) => boolean);
  /** Whether this rule applies to the keyword going from `before` to `after` (already known to differ). */
  when(before: unknown, after: unknown, keyword: string): boolean;
  message(subject: string, before: unknown, after: unknown, keyword: string): string;
}

/** A rule that looks at each claimed keyword of a schema node on its own. */
export function keywordRule(spec: KeywordSpec): SchemaRule {
  const { keywords } = spec;
  const claims = typeof keywords === "function" ? keywords : (k: string) => keywords.includes(k);
  return {
    scope: "schema",
    id: spec.id,
    level: spec.level,
    description: spec.description,
    ...(spec.example === undefined ? {} : { example: spec.example }),
    claims,
    check({ before, after, pointer, subject }) {
      const found: Finding[] = [];
      for (const keyword of [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(claims).sort()) {
        const b = before[keyword];
        const a = after[keyword];
        if (same(b, a) || !spec.when(b, a, keyword)) continue;
        found.push({ path: pointerTo(pointer, keyword), keywords: [keyword], before: b ?? null, after: a ?? null, message: spec.message(subject, b, a, keyword) });
      }
      return found;
    },
  };
}

interface FieldSpec {
  id: string;
  level: Level;
  description: string;
  example?: RuleExample;
  fields: readonly string[] | ((field: string) => boolean);
  message(field: string, before: unknown, after: unknown): string;
}

/** A rule about fields of the model object outside its request schema, on a model present on both sides. */
export function fieldRule(spec: FieldSpec): ModelRule {
  const { fields } = spec;
  const claims = typeof fields === "function" ? fields : (f: string) => fields.includes(f);
  return {
    scope: "model",
    id: spec.id,
    level: spec.level,
    description: spec.description,
    ...(spec.example === undefined ? {} : { example: spec.example }),
    claims,
    check({ before, after }) {
      if (before === undefined || after === undefined) return [];
      const found: Finding[] = [];
      for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(claims).sort()) {
        if (same(before[field], after[field])) continue;
        found.push({ path: "", keywords: [field], before: before[field] ?? null, after: after[field] ?? null, message: spec.message(field, before[field], after[field]) });
      }
      return found;
    },
  };
}

interface BranchSpec {
  id: string;
  level: Level;
  description: string;
  example: RuleExample;
  keywords: readonly string[];
  /** Which side's list the branches are reported from: added branches live after, removed ones before. */
  side: "before" | "after";
  /** The indexes (into that side's list) of the branches this rule reports. */
  pick(pair: SchemaPair, keyword: string, list: unknown[]): number[];
  message(subject: string, keyword: string, index: number): string;
}

/** A rule about branches of anyOf/oneOf lists present on both sides, as the engine pairs them. */
export function branchRule(spec: BranchSpec): SchemaRule {
  return {
    scope: "schema",
    id: spec.id,
    level: spec.level,
    description: spec.description,
    example: spec.example,
    claims: (keyword) => spec.keywords.includes(keyword),
    check(pair) {
      return spec.keywords.flatMap((keyword) => {
        const [before, after] = [pair.before[keyword], pair.after[keyword]];
        if (!Array.isArray(before) || !Array.isArray(after)) return [];
        const list = spec.side === "before" ? before : after;
        return spec.pick(pair, keyword, list).map((i) => ({
          path: pointerTo(pair.pointer, keyword, i),
          keywords: [keyword],
          before: spec.side === "before" ? list[i] : null,
          after: spec.side === "after" ? list[i] : null,
          message: spec.message(pair.subject, keyword, i),
        }));
      });
    },
  };
}
