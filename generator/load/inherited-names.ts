/** The names every object has through Object.prototype (`constructor`, `toString`, `__proto__` …), which a schema's property may also have. */
export const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
