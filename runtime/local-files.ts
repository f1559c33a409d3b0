// Local files given for media parameters: found in an input, uploaded, replaced by their URLs.
import { isLocalPath } from "./media.js";

/**
 * A file on this side of the network: its bytes (a Blob or File, an ArrayBuffer or typed array, a
 * ReadableStream) or, on Node, a path (a string, or a `file:` URL object).
 */
export type LocalFile = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | URL | string;

type Localized<T> = T extends string ? T | LocalFile : T extends readonly (infer E)[] ? (E extends string ? E | LocalFile : E)[] : T;

/**
 * `Input` where the parameters `Keys` (a model's media parameters) also take local files. The plain
 * input type stays the wire type; this one is what `run`, `enqueue` and `generate` accept.
 */
export type WithLocalFiles<Input, Keys extends PropertyKey> = [Keys] extends [never] ? Input : { [K in keyof Input]: K extends Keys ? Localized<Input[K]> : Input[K] };

/** Whether a value is file content rather than JSON. */
export function isFileContent(value: unknown): value is Exclude<LocalFile, string> {
  return (
    (typeof Blob !== "undefined" && value instanceof Blob) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) ||
    (value instanceof URL && value.protocol === "file:")
  );
}

/** Sets an own property, even one named `__proto__`. */
function put(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One local file found in an input, and where it goes back. */
export interface FoundFile {
  /** `input_audio`, `input_images[1]` */
  path: string;
  file: LocalFile;
  set(url: string): void;
}

/**
 * The local files of a copy of `input`: file content anywhere at the top level (or in a top-level
 * list), and path strings at the media parameters. Returns the copy, whose values `set` replaces.
 */
export function findLocalFiles(input: unknown, media: readonly string[]): { body: unknown; files: FoundFile[] } {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return { body: input, files: [] };
  const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const files: FoundFile[] = [];
  const isLocal = (name: string, value: unknown): value is LocalFile => isFileContent(value) || (media.includes(name) && typeof value === "string" && isLocalPath(value));
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) {
      const list = [...value];
      put(body, name, list);
      list.forEach((item, i) => {
        if (isLocal(name, item)) files.push({ path: `${name}[${i}]`, file: item, set: (url) => (list[i] = url) });
      });
    } else if (isLocal(name, value)) {
      files.push({ path: name, file: value, set: (url) => put(body, name, url) });
    }
  }
  return { body, files };
}
