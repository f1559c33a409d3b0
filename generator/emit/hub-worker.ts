// A worker thread's entry (see hubTypesInWorker in emit-all.ts): the envelope types of the OpenAPI
// document it is given, or the message of the InputError that says why there are none.
import { parentPort, workerData } from "node:worker_threads";
import { emitHubTypes } from "./emit-hub.js";

const { document, label } = workerData as { document: Record<string, unknown>; label: string };
try {
  parentPort!.postMessage({ types: await emitHubTypes(document, label) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
