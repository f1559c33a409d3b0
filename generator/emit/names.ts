import { sha256 } from "../snapshot/canonical.js";

const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_STEM = 120;
const SAFE_ID = /^[A-Za-z0-9.-]+$/;
/** Names the index declares or imports beside each model's namespace: a model named so gets a hash, as a clash would. */
const INDEX_NAMES = new Set(["ModelId", "ModelInputs", "ModelFileInputs", "ModelModules", "OxenClient", "RuntimeClient", "OxenClientOptions", "ValidateOptions", "ValidationResult", "HubSchemas", "HubPaths"]);

/**
 * A file-name stem for a model id that is safe on every file system and as an ESM specifier:
 * letters, digits, "-" and "." pass through; every other byte becomes "_xx" (hex). A leading or
 * trailing "." and Windows device names are escaped too; long ids are cut and keep a hash.
 * Injective up to the hashed cut; case-only clashes are caught by `assignStems`.
 */
export function fileStem(id: string): string {
  // Most ids need no escaping: they are their own stem, and a run names each model several times.
  let stem = SAFE_ID.test(id) ? id : "";
  if (stem === "") {
    for (const byte of Buffer.from(id, "utf8")) {
      const ch = String.fromCharCode(byte);
      stem += /[A-Za-z0-9.-]/.test(ch) ? ch : `_${byte.toString(16).padStart(2, "0")}`;
    }
  }
  stem = stem.replace(/^\./, "_2e").replace(/\.$/, "_2e");
  if (RESERVED_DEVICE.test(stem)) stem = `_${stem.charCodeAt(0).toString(16)}${stem.slice(1)}`;
  if (stem === "") stem = "_";
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, 100)}~${sha256(id).slice(0, 16)}`;
  return stem;
}

/** PascalCase words of an id, as the base of its TypeScript names. */
export function pascalName(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  // A letter after a digit is capitalised too (t2v → T2V), as json-schema-to-typescript names it.
  const name = words.map((w) => (w[0]!.toUpperCase() + w.slice(1)).replace(/([0-9])([a-z])/g, (_, d: string, l: string) => d + l.toUpperCase())).join("");
  if (name === "") return "Model";
  return /^[0-9]/.test(name) ? `Model${name}` : name;
}

export interface ModelNames {
  /** file-name stem: schemas/models/<stem>.json, generated/models/<stem>.ts */
  stem: string;
  /** PascalCase base for type names, e.g. Ltx23QualityAudioToVideo */
  base: string;
}

/**
 * Names for every id at once, so clashes are settled the same way on every run: type names that
 * clash with each other or with a name of the index get a short hash of their id (never a counter), and file stems that clash even by case
 * are an error naming both ids.
 */
export function assignNames(ids: readonly string[]): Map<string, ModelNames> {
  const byBase = new Map<string, string[]>();
  for (const id of ids) {
    const base = pascalName(id);
    byBase.set(base.toLowerCase(), [...(byBase.get(base.toLowerCase()) ?? []), id]);
  }
  const names = new Map<string, ModelNames>();
  const stems = new Map<string, string>();
  for (const id of ids) {
    const stem = fileStem(id);
    const clash = stems.get(stem.toLowerCase());
    if (clash !== undefined) {
      throw new Error(
        `model ids ${JSON.stringify(clash)} and ${JSON.stringify(id)} map to the same file name "${stem}" (file names are case-insensitive on some systems)`,
      );
    }
    stems.set(stem.toLowerCase(), id);
    const base = pascalName(id);
    const shared = byBase.get(base.toLowerCase())!.length > 1 || INDEX_NAMES.has(base);
    // Built through pascalName again: json-schema-to-typescript keeps only names already in that form.
    names.set(id, { stem, base: shared ? pascalName(`${base}-id-${sha256(id).slice(0, 8)}`) : base });
  }
  return names;
}
