import { download, type DownloadOptions, type DownloadResult } from "./download.js";
import type { EventStreamOptions, EventSubscription, SubscribeOptions } from "./events.js";
import { eachGeneration, getGeneration, listGenerations, type GenerationFilters, type GenerationPage, type HistoryRow } from "./generations.js";
import { checkInput, prepareInput, type InputOptions, type ModelRef } from "./inputs.js";
import { unknownModel, type ModelLoader } from "./model-loaders.js";
import { cancelGeneration, enqueueGeneration, generateVideo, getQueueRow, type CallContext, type EnqueueOptions } from "./queue-calls.js";
import type { Backoff } from "./retry.js";
import { runGeneration, waitContext, type RunContext, type RunOptions } from "./run.js";
import { pathOf, Transport, type ClientOptions, type RequestOptions } from "./transport.js";
import type { GenerationHandle, Model, ModelList, QueueDeleteResponse, QueueList, QueueRow, QueueStatus, SucceededRow, VideoGenerateResponse } from "./types.js";
import { Files, type UploadTarget } from "./uploads.js";
import type { ValidateOptions } from "./validation.js";
import { waitForGeneration, type WaitOptions } from "./wait.js";

export type { EnqueueOptions, InputOptions, ModelLoader, ModelRef, RunOptions };

export interface QueueListFilters extends RequestOptions {
  /** Rows in any of these states; default: only active ones (queued, processing). */
  status?: QueueStatus;
  namespace?: string;
  model?: string;
  repo?: string;
  folder?: string;
  mediaType?: "image" | "video";
}

export interface ModelListOptions extends RequestOptions {
  /** Only models that make this (by `capabilities.output`, or by `endpoint`): the API has no such filter. */
  output?: "video" | "image";
  /** The API's own filters (`developer_name`, `provider_name`, `action`). */
  developerName?: string;
  providerName?: string;
  action?: string;
}

export interface OxenClientOptions extends ClientOptions, EventStreamOptions {
  /**
   * id → model, so that calls by id are validated before anything is sent: its ref, or a loader of
   * its module, called when a call first names the id (the generated index gives loaders).
   */
  models?: Readonly<Record<string, ModelRef | ModelLoader>>;
  /** Poll intervals of `wait` and `run`. Default 2 s doubling to 15 s, with jitter. */
  pollBackoff?: Partial<Backoff>;
  /** Where local files given for media parameters are uploaded; without it, inputs take URLs only. */
  uploads?: UploadTarget;
}

type Key<M> = keyof M & string;

/**
 * The client. `M` maps model ids to input types (the generated `ModelInputs`); calls by id are
 * typed from it, calls with a generated model's `ref` from that model.
 */
export class OxenClient<M extends object = Record<string, Record<string, unknown>>, F extends { [K in keyof M]: unknown } = M> {
  readonly transport: Transport;
  /** Uploads to a repository through Oxen's file API. */
  readonly files: Files;
  readonly #models: Readonly<Record<string, ModelRef | ModelLoader>> | undefined;
  /** The refs of the models loaded so far (or loading), by id. */
  readonly #loaded = new Map<string, Promise<ModelRef>>();
  /** What the generation calls (runtime/queue-calls.ts, run.ts) need from this client. */
  readonly #context: RunContext;

  constructor(options: OxenClientOptions = {}) {
    this.transport = new Transport(options);
    this.files = new Files(this.transport);
    this.#models = options.models;
    const eventOptions = { idleTimeoutMs: options.idleTimeoutMs, reconnectBackoff: options.reconnectBackoff, maxEventLength: options.maxEventLength };
    const uploads = options.uploads;
    const context: CallContext = uploads === undefined ? { transport: this.transport } : { transport: this.transport, upload: (file, o) => this.files.upload(file, { ...uploads, ...o }) };
    this.#context = { ...context, wait: waitContext(this.transport, eventOptions, options.pollBackoff) };
  }

  /** Validates `input` for `model` and resolves to the id; rejects with ValidationError, nothing sent. */
  async checkInput(model: string | ModelRef, input: unknown, options: ValidateOptions = {}): Promise<string> {
    const ref = await this.#ref(model);
    checkInput(ref, input, options);
    return ref.id;
  }

  /**
   * Validates `input` and uploads its local files (see `uploads`), checking everything else first:
   * returns the model id and the body to send. Nothing is sent for the generation before every
   * upload has succeeded.
   */
  async prepareInput(model: string | ModelRef, input: unknown, options: InputOptions = {}): Promise<{ id: string; body: Record<string, unknown> }> {
    const ref = await this.#ref(model);
    return { id: ref.id, body: await prepareInput(this.#context.upload, ref, input, options) };
  }

  readonly models = {
    get: (id: string, options: RequestOptions = {}): Promise<Model> => this.transport.request({ method: "GET", path: pathOf`/api/ai/models/${id}`, ...options }),
    list: async ({ output, developerName, providerName, action, ...options }: ModelListOptions = {}): Promise<ModelList> => {
      const query = { developer_name: developerName, provider_name: providerName, action };
      const list = await this.transport.request<ModelList>({ method: "GET", path: "/api/ai/models", query, ...options });
      if (output === undefined) return list;
      return { ...list, data: list.data.filter((m) => m.capabilities?.output?.includes(output) || m.endpoint === `/${output}s/generate`) };
    },
  };

  readonly videos = {
    /** The sync call: blocks until the video is made (minutes). Never replayed once sent (see the README's retry policy). */
    generate: <K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: InputOptions = {}): Promise<VideoGenerateResponse> =>
      this.#ref(model).then((ref) => generateVideo(this.#context, ref, input, options)),
  };

  readonly queue = {
    /** Validates and queues; returns one handle per generation. Never replayed once sent (see the README's retry policy). */
    enqueue: <K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: EnqueueOptions = {}): Promise<GenerationHandle[]> =>
      this.#ref(model).then((ref) => enqueueGeneration(this.#context, ref, input, options)),
    get: (generationId: string, options: RequestOptions = {}): Promise<QueueRow> => getQueueRow(this.transport, generationId, options),
    /** Active rows, unless `status` is given. */
    list: ({ signal, timeoutMs, mediaType, ...filters }: QueueListFilters = {}): Promise<QueueList> =>
      this.transport.request({ method: "GET", path: "/api/ai/queue", query: { ...filters, media_type: mediaType }, signal, timeoutMs }),
    /** Cancels a queued or running generation; no effect on one that has ended. */
    cancel: (generationId: string, options: RequestOptions = {}): Promise<QueueDeleteResponse> => cancelGeneration(this.transport, generationId, options),
    /** Waits for a generation to end (see WaitOptions); takes a handle from any process, or an id. */
    wait: (handleOrId: GenerationHandle | string, options: WaitOptions = {}): Promise<SucceededRow> =>
      waitForGeneration(this.#context.wait, typeof handleOrId === "string" ? handleOrId : handleOrId.generationId, { via: "poll", ...options }),
  };

  /** The generation history: every generation with its cost, finished or not (`queue` is the live view). */
  readonly generations = {
    /** One page, newest first, with the documented filters (`page`, `pageSize` 1–1000, server default 50). */
    list: (filters: GenerationFilters = {}): Promise<GenerationPage> => listGenerations(this.transport, filters),
    /** Every row that passes the filters, fetching page after page. */
    each: (filters: GenerationFilters = {}): AsyncGenerator<HistoryRow> => eachGeneration(this.transport, filters),
    /** One generation with its cost (404 `NotFoundError` for an unknown id). */
    get: (generationId: string, options: RequestOptions = {}): Promise<HistoryRow> => getGeneration(this.transport, generationId, options),
  };

  readonly events = {
    /** Opens `/api/events` at once; iterate it for completion events. Close it (or abort) when done. */
    subscribe: (options: SubscribeOptions = {}): EventSubscription => this.#context.wait.subscribe(options),
  };

  /**
   * Validates, uploads local files (see `uploads`), subscribes to completion events, queues one
   * generation and waits for it: returns the final row, or throws as `queue.wait` does. `timeoutMs`
   * is one deadline counted from the call; it does not cut the enqueue request short (a paid POST
   * aborted midway would leave a job with no handle). Aborting `signal` cancels the generation on the
   * server (`cancelOnAbort: false` leaves it running); an abort during the enqueue request lets it
   * finish, then cancels.
   */
  run<K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: RunOptions = {}): Promise<SucceededRow> {
    return this.#ref(model).then((ref) => runGeneration(this.#context, ref, input, options));
  }

  /** Downloads a result file to a path (Node) or into a WritableStream. The key is sent only to the API's own origin. */
  download(url: string, destination: string | WritableStream<Uint8Array>, options: DownloadOptions = {}): Promise<DownloadResult> {
    return download(this.transport, url, destination, options);
  }

  /**
   * The model a call names, its module loaded the first time. An id this client has no contract for
   * stands for a model without checks, or, when the client has `models`, is refused (ValidationError,
   * with the closest id) before anything is loaded or sent.
   */
  async #ref(model: string | ModelRef): Promise<ModelRef> {
    if (typeof model !== "string") return model;
    const models = this.#models;
    if (models === undefined) return { id: model, validate: () => ({ ok: true }) };
    if (!Object.hasOwn(models, model)) throw unknownModel(model, Object.keys(models));
    const entry = models[model]!;
    if (typeof entry !== "function") return entry;
    let loaded = this.#loaded.get(model);
    if (loaded === undefined) {
      loaded = entry().then((module) => module.ref);
      this.#loaded.set(model, loaded);
      // A load that failed (a chunk the network lost) is tried again by the next call.
      loaded.catch(() => this.#loaded.delete(model));
    }
    return loaded;
  }
}

/** How a generated model function is told which client to use. */
export interface ClientChoice {
  /** Default: the API configured from the environment (OXEN_API_KEY, OXEN_BASE_URL) at the first call, with no upload target. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model map: the function's own input type governs
  client?: OxenClient<any>;
}

let shared: OxenClient | undefined;

/**
 * The client a model module generated by 0.1 calls (kept so that such modules in users' projects
 * still compile and run), typed for that model's input and its input with local files. Modules
 * generated now call `generateWith`, `enqueueWith` and `runWith` instead.
 */
export function clientFor<Input, Files = Input>(options?: ClientChoice): OxenClient<Record<string, Input>, Record<string, Files>> {
  if (options?.client !== undefined) return options.client;
  shared ??= new OxenClient();
  return shared as OxenClient<Record<string, Input>, Record<string, Files>>;
}
