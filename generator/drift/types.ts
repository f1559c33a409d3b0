import type { JsonSchema } from "../load/schema-check.js";
import type { BranchMatch } from "./branches.js";

/** Severity from the point of view of code that uses the package, most severe first. */
export const LEVELS = ["breaking", "behavior", "feature", "docs"] as const;
export type Level = (typeof LEVELS)[number];

/** One classified difference between two snapshots. */
export interface Change {
  model: string;
  /** JSON pointer into the model's request schema; "" for the model itself. */
  path: string;
  rule: string;
  level: Level;
  before: unknown;
  after: unknown;
  message: string;
}

/** What a rule reports; the engine adds the model, the rule id and its level. */
export interface Finding {
  path: string;
  /** The keywords (or model fields) whose difference this finding accounts for. */
  keywords: readonly string[];
  before: unknown;
  after: unknown;
  message: string;
}

/**
 * Two versions of one schema node in their compared form (`$ref`s followed, equal spellings made
 * equal: see compared.ts), with its pointer and a readable name.
 */
export interface SchemaPair {
  before: JsonSchema;
  after: JsonSchema;
  pointer: string;
  /** "prompt", "image_list[].url", "request body" for the root. */
  subject: string;
  /** How the branches of a list keyword (anyOf, oneOf, allOf) pair up between the two versions. */
  branches(keyword: string): BranchMatch;
  /** Whether a keyword's subschema means the same on both sides (annotations aside). */
  equivalent(keyword: string): boolean;
  /** The changes inside a keyword's subschema, compared on their own (for a keyword whose sense a rule judges, such as not). */
  inner(keyword: string): Change[];
  /** A subschema of one side in its compared form. */
  view(raw: unknown, side: "before" | "after"): JsonSchema;
}

/** Two versions of one model object, the request schema aside; one side is absent when the model was added or removed. */
export interface ModelPair {
  id: string;
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
}

/** A minimal pair of property schemas the rule classifies, for the catalogue (docs/drift-rules.md). */
export interface RuleExample {
  before: unknown;
  after: unknown;
}

/** What the catalogue says about a rule. */
export interface RuleEntry {
  id: string;
  level: Level;
  /** One line, for the catalogue and the README. */
  description: string;
  example?: RuleExample;
}

interface RuleInfo extends RuleEntry {
  /** Which schema keywords (or model fields) the rule classifies; the engine runs it only when one of them differs. */
  claims(keyword: string): boolean;
}

export interface SchemaRule extends RuleInfo {
  scope: "schema";
  check(pair: SchemaPair): Finding[];
}

export interface ModelRule extends RuleInfo {
  scope: "model";
  check(pair: ModelPair): Finding[];
}

export type Rule = SchemaRule | ModelRule;

export interface DiffReport {
  changes: Change[];
  summary: Record<Level, number>;
  semver: "major" | "minor" | "patch" | "none";
}

/** The field a model rule claims for a model that exists on one side only. */
export const MODEL_PRESENCE = "(model)";
