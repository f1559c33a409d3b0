/** A module name bundlers do not follow, so a browser bundle of the runtime never includes node:fs. */
const NODE_FS: string = "node:fs/promises";

/** Node only: `node:fs/promises`, loaded when a path is actually read or written, so the runtime still loads in browsers. */
export async function nodeFs(): Promise<typeof import("node:fs/promises")> {
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS)) as typeof import("node:fs/promises");
  } catch (error) {
    throw new Error("reading or writing a file by path needs Node's fs; pass a Blob, File, bytes or a stream instead", { cause: error });
  }
}
