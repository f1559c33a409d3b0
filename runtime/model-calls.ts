// What a generated model module's `generate`, `enqueue` and `run` call. Given a client, they go
// through it (its uploads, retries and logger); without one, through a transport configured from
// the environment, importing only what the call needs (see test/consumer/size-budget.json).
import type { ClientChoice } from "./client.js";
import type { InputOptions, ModelRef } from "./inputs.js";
import { enqueueGeneration, generateVideo, type EnqueueOptions } from "./queue-calls.js";
import { runGeneration, waitContext, type RunOptions } from "./run.js";
import { Transport } from "./transport.js";
import type { GenerationHandle, SucceededRow, VideoGenerateResponse } from "./types.js";

let shared: Transport | undefined;

/** The transport of calls made without a client: one, configured from the environment at the first call. */
function sharedTransport(): Transport {
  return (shared ??= new Transport());
}

export function generateWith(model: ModelRef, input: unknown, options?: InputOptions & ClientChoice): Promise<VideoGenerateResponse> {
  if (options?.client !== undefined) return options.client.videos.generate(model, input, options);
  return generateVideo({ transport: sharedTransport() }, model, input, options);
}

export function enqueueWith(model: ModelRef, input: unknown, options?: EnqueueOptions & ClientChoice): Promise<GenerationHandle[]> {
  if (options?.client !== undefined) return options.client.queue.enqueue(model, input, options);
  return enqueueGeneration({ transport: sharedTransport() }, model, input, options);
}

export function runWith(model: ModelRef, input: unknown, options?: RunOptions & ClientChoice): Promise<SucceededRow> {
  if (options?.client !== undefined) return options.client.run(model, input, options);
  const transport = sharedTransport();
  return runGeneration({ transport, wait: waitContext(transport) }, model, input, options);
}
