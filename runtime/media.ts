// Media parameters: the request fields that take the URL of an image, a video or an audio file.
// The server fetches that URL minutes after the request was accepted, so a value it cannot fetch
// fails the paid generation late; these checks catch what can never work, before anything is sent.
import type { LocatedError } from "./validation.js";
import { isCheckedHttpUri, PLAIN_HTTP_AUTHORITY } from "./validator-support.js";

/** What to do about a local file, in every message that finds one. */
export const UPLOAD_HINT = "upload it: pass a File, or `--upload-to namespace/repo` on the command line";

/** `renderType` values that mark a media URL in Oxen's request schemas. */
const MEDIA_RENDER_TYPES = /^(image|video|audio)-url$/;

interface SchemaLike {
  properties?: unknown;
}

function renderType(node: unknown): unknown {
  return node !== null && typeof node === "object" ? (node as { renderType?: unknown }).renderType : undefined;
}

/**
 * Names of the top-level parameters that take media URLs: a string, or a list of strings, whose
 * schema has a media `renderType` (`image-url`, `video-url`, `audio-url`).
 */
export function mediaParameters(schema: SchemaLike | null): string[] {
  const props = schema?.properties;
  if (props === null || typeof props !== "object") return [];
  return Object.entries(props as Record<string, unknown>)
    .filter(([, node]) => MEDIA_RENDER_TYPES.test(String(renderType(node) ?? renderType((node as { items?: unknown } | null)?.items) ?? "")))
    .map(([name]) => name);
}

/** `C:\x` or `C:/x`: a Windows drive path, not a URL with a one-letter scheme. */
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether a media value names a file on this machine rather than a URL: no scheme (`choir.wav`,
 * `./a/b.png`, `/home/me/x.mp3`), a Windows drive path, or a `file:` URL.
 */
export function isLocalPath(value: string): boolean {
  if (value === "") return false;
  if (WINDOWS_DRIVE.test(value)) return true;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === "file";
}

/** The usual media URL, which passes every check below, found without building a URL: past its authority the parser fails on nothing. */
const PLAIN_HTTP_URL = new RegExp(`${PLAIN_HTTP_AUTHORITY}(?:[/?#]|$)`, "i");

/**
 * Why the server could not fetch this media value, or undefined when it can be tried. Accepted:
 * `http(s)://host/...` and `data:` URIs (fal, which serves many of these models, documents data
 * URIs as accepted by some models; rejecting them could refuse a request the API takes). See
 * docs/oxen-api.md, "Media URLs".
 */
export function mediaUrlProblem(value: string): string | undefined {
  if (value === "" || PLAIN_HTTP_URL.test(value)) return undefined;
  if (isLocalPath(value)) {
    const what = /^file:/i.test(value) ? "a file: URL" : "a local file path";
    return `is ${what} (${shown(value)}), which the server cannot read: ${UPLOAD_HINT}`;
  }
  const scheme = SCHEME.exec(value)![1]!.toLowerCase();
  if (scheme === "data") return value.includes(",") ? undefined : `is a data: URI without data (${shown(value)})`;
  if (scheme !== "http" && scheme !== "https") return `must be an http(s) URL, not ${scheme}: (${shown(value)}); host the file on http(s) or ${UPLOAD_HINT}`;
  // The WHATWG parser repairs `https:/x` and `https:///x` into a host; the server may not.
  const authority = /^https?:\/\/([^/?#]*)/i.exec(value)?.[1];
  const host = authority?.replace(/^[^@]*@/, "").replace(/:\d*$/, "");
  if (host === undefined || host === "") return `is a URL without a host (${shown(value)})`;
  try {
    new URL(value);
  } catch {
    return `is not a valid URL (${shown(value)})`;
  }
  return undefined;
}

function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** What validation adds for a model's media parameters: `errors` with its media URLs' problems (see `mediaUrlCheck`). */
export type MediaCheck = (errors: LocatedError[], input: unknown) => LocatedError[];

/**
 * The check of the media URLs of the parameters `media`, for validateWith (runtime/validation.ts):
 * a model with media parameters passes it, so that one without carries none of this file.
 */
export function mediaUrlCheck(media: readonly string[]): MediaCheck {
  return (errors, input) => withMediaErrors(errors, mediaUrlErrors(input, media));
}

/**
 * A media URL the server cannot fetch gets a message that says how to fix it, in place of the
 * schema's "must be a valid uri"; a media value of the wrong type is already reported.
 */
function withMediaErrors(errors: LocatedError[], media: LocatedError[]): LocatedError[] {
  if (media.length === 0) return errors;
  const typed = new Set(errors.filter((e) => e.error.keyword !== "format").map((e) => e.error.path));
  const applicable = media.filter((m) => !typed.has(m.error.path));
  const replaced = errors.map((e) => (e.error.keyword === "format" ? (applicable.find((m) => m.error.path === e.error.path) ?? e) : e));
  return [...replaced, ...applicable.filter((m) => !replaced.includes(m))];
}

/** One error per media value of `input` that cannot work (see `mediaUrlProblem`), as a `format` error (`media-url`). */
function mediaUrlErrors(input: unknown, media: readonly string[]): LocatedError[] {
  const errors: LocatedError[] = [];
  if (input === null || typeof input !== "object" || Array.isArray(input)) return errors;
  for (const name of media) {
    const value = (input as Record<string, unknown>)[name];
    if (Array.isArray(value)) value.forEach((item, i) => checkMedia(errors, input, name, i, item));
    else checkMedia(errors, input, name, undefined, value);
  }
  return errors;
}

// A function of its own rather than a closure in mediaUrlErrors, and nothing built before a problem
// is found: this runs on every validation. Whether the value is the body's own (not inherited) only
// matters once it has a problem, so that is asked last.
function checkMedia(errors: LocatedError[], input: object, name: string, index: number | undefined, value: unknown): void {
  // The schema's `format: uri`, checked just before, has usually found the value plain already.
  if (typeof value !== "string" || isCheckedHttpUri(value)) return;
  const problem = mediaUrlProblem(value);
  if (problem === undefined || !Object.hasOwn(input, name)) return;
  const path = index === undefined ? name : `${name}[${index}]`;
  errors.push({ error: { path, keyword: "format", params: { format: "media-url", local: isLocalPath(value) }, message: `${path} ${problem}` }, at: index === undefined ? [name] : [name, index] });
}
