// Where an error is: Ajv's `instancePath` (a JSON Pointer) read as keys, as a path a person reads,
// and as the value it points at.
import type { AjvError } from "./validator-support.js";

/** `/images/0` → ["images", "0"] */
function pointerSegments(instancePath: string): string[] {
  return instancePath === "" ? [] : instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/images/0`, "url" → ["images", 0, "url"] */
export function pathKeys(instancePath: string, child: unknown): (string | number)[] {
  const segments = pointerSegments(instancePath);
  if (typeof child === "string") segments.push(child);
  return segments.map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `/images/0/url` → `images[0].url` */
export function displayPath(instancePath: string, child?: string): string {
  const segments = pointerSegments(instancePath);
  if (child !== undefined) segments.push(child);
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === "" ? s : `${path}.${s}`), "");
}

/** What an error is about: the value at its instancePath in `input`, or the key inside `propertyNames`. */
export function dataOf(e: AjvError, input: unknown): unknown {
  if (e.propertyName !== undefined) return e.propertyName;
  return pointerSegments(e.instancePath).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], input);
}
