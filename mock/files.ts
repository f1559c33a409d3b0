import { createHash } from "node:crypto";
import { typedError } from "./responses.js";

/** A stored file: its bytes and content type. */
export interface StoredFile {
  bytes: Buffer;
  type: string;
}

/** A file-API path: `/api/repos/{namespace}/{repo}/file/{resource}`, the resource being `{branch}/{path}`. */
export interface FileRoute {
  namespace: string;
  repo: string;
  branch: string;
  /** Path below the branch, "" for the top. */
  path: string;
}

/** An answer the server sends: status and JSON body. */
export interface FileAnswer {
  status: number;
  body: unknown;
}

const ROUTE = /^\/api\/repos\/([^/]+)\/([^/]+)\/file\/([^/]+)((?:\/[^/]*)*)$/;

/** The parts of a file-API path, or undefined for any other path. */
export function fileRoute(pathname: string): FileRoute | undefined {
  const m = ROUTE.exec(pathname);
  if (m === null) return undefined;
  const decode = (s: string): string => decodeURIComponent(s);
  const path = m[4]!.split("/").filter(Boolean).map(decode).join("/");
  return { namespace: decode(m[1]!), repo: decode(m[2]!), branch: decode(m[3]!), path };
}

/**
 * Repositories' files, in memory, as Oxen's file API keeps them: `PUT` takes a folder and a
 * multipart body (`file`, whose part name is the file name, plus `message`, `name`, `email`) and
 * commits the file into that folder; `GET`/`HEAD` on the file's path serve its bytes. Every
 * namespace, repository and branch exists.
 */
export class RepoFiles {
  readonly #files = new Map<string, StoredFile>();
  #commits = 0;

  get(route: FileRoute): StoredFile | undefined {
    return this.#files.get(key(route, route.path));
  }

  async put(route: FileRoute, contentType: string, body: Buffer): Promise<FileAnswer> {
    const bad = (detail: string): FileAnswer => ({ status: 400, body: typedError("invalid_params", "Bad Request", detail) });
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) return bad("The body must be multipart/form-data");
    let form: FormData;
    try {
      form = await new Request("http://mock.invalid/", { method: "PUT", headers: { "content-type": contentType }, body: new Uint8Array(body) }).formData();
    } catch (error) {
      return bad(`The multipart body cannot be read: ${(error as Error).message}`);
    }
    const file = form.get("file");
    const text = (name: string): string | undefined => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
    if (!(file instanceof File)) return bad("A file part named file is required");
    if (text("name") === undefined) return bad("Name is required");
    if (text("email") === undefined) return bad("Email is required");
    if (this.#files.has(key(route, route.path))) return bad(`Target path must be a directory: ${route.path}`);
    const name = file.name.replace(/[/\\]/g, "_") || crypto.randomUUID();
    const path = route.path === "" ? name : `${route.path}/${name}`;
    this.#files.set(key(route, path), { bytes: Buffer.from(await file.arrayBuffer()), type: file.type || "application/octet-stream" });
    const id = createHash("sha256").update(`${++this.#commits}:${path}`).digest("hex").slice(0, 32);
    const commit = { id, message: text("message") ?? `Auto-commit files to ${route.path}`, author: text("name"), email: text("email"), parent_ids: [], timestamp: new Date().toISOString() };
    return { status: 200, body: { status: "success", status_message: "resource_created", commit } };
  }
}

function key(route: FileRoute, path: string): string {
  return JSON.stringify([route.namespace, route.repo, route.branch, path]);
}
