// A worker thread's entry (see emitModels in emit-all.ts): emits each model it is sent and answers
// with its files, or with the message of what threw, under the job's index.
import { parentPort } from "node:worker_threads";
import { emitModelFiles, type ModelJob } from "./emit-all.js";

parentPort!.on("message", async ({ index, job }: { index: number; job: ModelJob }) => {
  try {
    parentPort!.postMessage({ index, files: await emitModelFiles(job) });
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
