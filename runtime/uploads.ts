// Uploads through Oxen's repository file API (see docs/oxen-api.md, "Files"): a file is committed
// to a repository and its URL handed to a model. The name is the sha256 of the bytes, so the same
// file is stored once and a second upload of it sends nothing but a HEAD request.
import { NotFoundError, OxenError } from "./errors.js";
import { isFileContent, type LocalFile } from "./local-files.js";
import { nodeFs } from "./node-fs.js";
import { pathOf, type Transport } from "./transport.js";

/** Where uploads go: a repository the models can read (a public one: the model fetches the URL without a key). */
export interface UploadTarget {
  namespace: string;
  repo: string;
  /** Default "main". */
  branch?: string;
  /** Folder in the repository; default "uploads". "" for the top. */
  directory?: string;
  /** Author of the upload commits (the file API requires one). Default oxen-contracts, noreply@example.com. */
  author?: { name: string; email: string };
}

export interface UploadProgress {
  /** Bytes of the request body handed to the network so far. */
  sentBytes: number;
  totalBytes: number;
}

export interface UploadOptions extends UploadTarget {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Time limit of one attempt, in ms. Default 10 minutes. */
  timeoutMs?: number;
}

export interface UploadResult {
  /** `https://hub.oxen.ai/api/repos/{namespace}/{repo}/file/{branch}/{path}`: what a model parameter takes. */
  url: string;
  /** Path in the repository: `uploads/<sha256>.<ext>`. */
  path: string;
  sha256: string;
  bytes: number;
  /** false when the repository already had the file and nothing was sent. */
  uploaded: boolean;
}

const DEFAULT_AUTHOR = { name: "oxen-contracts", email: "noreply@example.com" };
const UPLOAD_TIMEOUT_MS = 10 * 60_000;
/** Slice size of a counted upload body: progress moves at least this often. */
const SLICE = 64 * 1024;

/** Extension by content type, for bytes without a file name. */
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/ogg": "ogg",
  "audio/flac": "flac",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
};

/** Content type by extension, for the uploaded part. */
const TYPES: Record<string, string> = { ...Object.fromEntries(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type])), jpeg: "image/jpeg", wav: "audio/wav" };

/** Extension from a file's first bytes, for bytes with neither a name nor a type. */
function sniff(b: Uint8Array): string | undefined {
  const ascii = (start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));
  if (ascii(4, 8) === "ftyp") return ascii(8, 11) === "M4A" ? "m4a" : ascii(8, 10) === "qt" ? "mov" : "mp4";
  if (ascii(0, 4) === "RIFF") return ascii(8, 12) === "WAVE" ? "wav" : ascii(8, 12) === "WEBP" ? "webp" : undefined;
  if (ascii(1, 4) === "PNG") return "png";
  if (b[0] === 0xff && b[1] === 0xd8) return "jpg";
  if (ascii(0, 3) === "GIF") return "gif";
  if (ascii(0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return "mp3";
  if (ascii(0, 4) === "OggS") return "ogg";
  if (ascii(0, 4) === "fLaC") return "flac";
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "webm";
  return undefined;
}

/** A short, safe extension: letters and digits only, lower case. */
function extensionOf(name: string | undefined): string | undefined {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name ?? "")?.[1]?.toLowerCase();
  return ext;
}

interface FileBytes {
  bytes: Uint8Array<ArrayBuffer>;
  name: string | undefined;
  type: string;
}

/** The bytes of a local file (all in memory: Web Crypto hashes whole buffers only). */
async function readLocalFile(file: LocalFile): Promise<FileBytes> {
  if (typeof file === "string" || (file instanceof URL && file.protocol === "file:")) {
    const fs = await nodeFs();
    const path = typeof file === "string" && /^file:/i.test(file) ? new URL(file) : file;
    try {
      return { bytes: new Uint8Array(await fs.readFile(path)), name: typeof path === "string" ? path : path.pathname, type: "" };
    } catch (error) {
      throw new OxenError(`cannot read ${String(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
  }
  if (typeof Blob !== "undefined" && file instanceof Blob) return { bytes: new Uint8Array(await file.arrayBuffer()), name: (file as { name?: string }).name, type: file.type };
  if (file instanceof ArrayBuffer) return { bytes: new Uint8Array(file), name: undefined, type: "" };
  if (ArrayBuffer.isView(file)) return { bytes: new Uint8Array(new Uint8Array(file.buffer, file.byteOffset, file.byteLength)), name: undefined, type: "" };
  if (isFileContent(file)) return { bytes: new Uint8Array(await new Response(file as ReadableStream<Uint8Array>).arrayBuffer()), name: undefined, type: "" };
  throw new OxenError(`cannot upload a ${typeof file}: pass a Blob, File, bytes, a ReadableStream or a path`);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether this runtime sends a streamed request body over HTTP/1.1 (Node does; browsers do not). */
function streamsRequestBodies(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
}

/** A body that reports how much of it has been read by the network. */
function countedBody(blob: Blob, onProgress: (sent: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= blob.size) return controller.close();
      const chunk = new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer());
      offset += chunk.byteLength;
      controller.enqueue(chunk);
      onProgress(offset);
    },
  });
}

/** `oxen.files`: uploads to a repository through the documented file API. */
export class Files {
  constructor(readonly transport: Transport) {}

  /** The URL of a file in a repository, as models take it. */
  url(target: Pick<UploadTarget, "namespace" | "repo" | "branch">, path: string): string {
    const segments = path.split("/").filter(Boolean).map(encodeURIComponent).join("/");
    return this.transport.url(`${pathOf`/api/repos/${target.namespace}/${target.repo}/file/${target.branch ?? "main"}`}/${segments}`);
  }

  /**
   * Uploads a file (Blob or File, bytes, a ReadableStream, or on Node a path) to
   * `<directory>/<sha256>.<ext>` unless the repository has it already, and returns its URL.
   * A failed or cut upload is retried (the same bytes go to the same name, so that is safe).
   */
  async upload(file: LocalFile, options: UploadOptions): Promise<UploadResult> {
    const { namespace, repo, branch = "main", directory = "uploads", signal, onProgress } = options;
    if (!namespace || !repo) throw new OxenError("an upload needs a target repository: { namespace, repo }");
    const { bytes, name, type } = await readLocalFile(file);
    const sha256 = await sha256Hex(bytes);
    const ext = extensionOf(name) ?? EXTENSIONS[type.split(";")[0]!.trim().toLowerCase()] ?? sniff(bytes) ?? "bin";
    const fileName = `${sha256}.${ext}`;
    const folder = directory.split("/").filter(Boolean).join("/");
    const path = folder === "" ? fileName : `${folder}/${fileName}`;
    const url = this.url({ namespace, repo, branch }, path);
    const result = { url, path, sha256, bytes: bytes.byteLength };

    try {
      await this.transport.request({ method: "HEAD", path: url, accept: "*/*", signal });
      onProgress?.({ sentBytes: bytes.byteLength, totalBytes: bytes.byteLength });
      return { ...result, uploaded: false };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }

    const author = options.author ?? DEFAULT_AUTHOR;
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: type || TYPES[ext] || "application/octet-stream" }), fileName);
    form.append("message", `Upload ${fileName} (oxen-contracts)`);
    form.append("name", author.name);
    form.append("email", author.email);
    // The platform writes the multipart body; held as a Blob, it can be sent again on a retry.
    const multipart = await new Request("http://localhost/", { method: "PUT", body: form }).blob();
    const counted = onProgress !== undefined && streamsRequestBodies();
    // Progress counts the file's share of the multipart body read so far.
    const report = (sent: number): void => onProgress?.({ sentBytes: Math.round((sent / multipart.size) * bytes.byteLength), totalBytes: bytes.byteLength });
    const make = (): BodyInit => (counted ? countedBody(multipart, report) : multipart);
    onProgress?.({ sentBytes: 0, totalBytes: bytes.byteLength });
    // The file API takes the folder and names the file after the uploaded part.
    await this.transport.request({
      method: "PUT",
      path: `${pathOf`/api/repos/${namespace}/${repo}/file/${branch}`}${folder === "" ? "" : `/${folder.split("/").map(encodeURIComponent).join("/")}`}`,
      rawBody: { make, type: multipart.type },
      signal,
      timeoutMs: options.timeoutMs ?? UPLOAD_TIMEOUT_MS,
    });
    onProgress?.({ sentBytes: bytes.byteLength, totalBytes: bytes.byteLength });
    return { ...result, uploaded: true };
  }
}
