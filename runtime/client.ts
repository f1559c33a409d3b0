import { download, type DownloadOptions, type DownloadResult } from "./download.js";
import { AbortError, OxenError, ValidationError } from "./errors.js";
import { EventSubscription, type EventStreamOptions, type SubscribeOptions } from "./events.js";
import { eachGeneration, getGeneration, listGenerations, type GenerationFilters, type GenerationPage, type HistoryRow } from "./generations.js";
import { NUM_GENERATIONS, outOfRange } from "./limits.js";
import type { Backoff } from "./retry.js";
import { pathOf, Transport, type ClientOptions, type RequestOptions } from "./transport.js";
import type { GenerationHandle, Model, ModelList, QueueCreateResponse, QueueDeleteResponse, QueueList, QueueRow, QueueStatus, SucceededRow, VideoGenerateResponse } from "./types.js";
import { findLocalFiles } from "./local-files.js";
import { Files, type UploadProgress, type UploadTarget } from "./uploads.js";
import { closestName, type ValidateOptions, type ValidationResult } from "./validation.js";
import { waitForGeneration, type WaitContext, type WaitOptions } from "./wait.js";

/** What a generated model module hands the client: its id, its validator and its schema hash. */
export interface ModelRef<Input = unknown> {
  readonly id: string;
  validate(input: unknown, options?: ValidateOptions): ValidationResult;
  /** sha256 of the request schema the validator was made from; recorded in handles. */
  readonly schemaSha256?: string;
  /** Parameters that take a media URL (and a local file, uploaded first, when the client has `uploads`). */
  readonly media?: readonly string[];
  /** Carries the input type for inference only; never set. */
  readonly __input?: Input;
}

export interface InputOptions extends RequestOptions, ValidateOptions {
  /** Progress of the uploads of local files given for media parameters (`parameter`: `input_audio`, `input_images[1]`). */
  onUploadProgress?: (progress: UploadProgress & { parameter: string }) => void;
}

export interface EnqueueOptions extends InputOptions {
  /** An integer from 1 to 12 (the server's default: 1); anything else is refused before sending. */
  numGenerations?: number;
  targetNamespace?: string;
  targetRepo?: string;
  targetDirectory?: string;
}

export interface RunOptions extends ValidateOptions, WaitOptions, Omit<EnqueueOptions, "numGenerations" | "timeoutMs"> {
  /** Called with the handle as soon as the generation is queued: store it to resume after a restart. */
  onEnqueued?: (handle: GenerationHandle) => void;
}

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
  /** id → model, so that calls by id are validated before anything is sent. */
  models?: Readonly<Record<string, ModelRef>>;
  /** Poll intervals of `wait` and `run`. Default 2 s doubling to 15 s, with jitter. */
  pollBackoff?: Partial<Backoff>;
  /** Where local files given for media parameters are uploaded; without it, inputs take URLs only. */
  uploads?: UploadTarget;
}

/** Stands in for a file's URL while the rest of the input is checked, before anything is uploaded. */
const PENDING_UPLOAD = "https://uploads.invalid/pending";

/** The sync call blocks while the video is made (documented as up to 15 minutes). */
const GENERATE_TIMEOUT_MS = 20 * 60_000;
const DEFAULT_POLL: Backoff = { initialMs: 2000, maxMs: 15_000 };

type Key<M> = keyof M & string;

/**
 * The client. `M` maps model ids to input types (the generated `ModelInputs`); calls by id are
 * typed from it, calls with a generated model's `ref` from that model.
 */
export class OxenClient<M extends object = Record<string, Record<string, unknown>>, F extends { [K in keyof M]: unknown } = M> {
  readonly transport: Transport;
  /** Uploads to a repository through Oxen's file API. */
  readonly files: Files;
  readonly #uploads: UploadTarget | undefined;
  readonly #models: Readonly<Record<string, ModelRef>> | undefined;
  readonly #eventOptions: EventStreamOptions;
  readonly #waitContext: WaitContext;

  constructor(options: OxenClientOptions = {}) {
    this.transport = new Transport(options);
    this.files = new Files(this.transport);
    this.#uploads = options.uploads;
    this.#models = options.models;
    this.#eventOptions = { idleTimeoutMs: options.idleTimeoutMs, reconnectBackoff: options.reconnectBackoff, maxEventLength: options.maxEventLength };
    this.#waitContext = {
      get: (id, o) => this.queue.get(id, o),
      cancel: (id, o) => this.queue.cancel(id, o),
      subscribe: (o) => this.events.subscribe(o),
      log: (line) => this.transport.log(line),
      pollBackoff: { ...DEFAULT_POLL, ...options.pollBackoff },
    };
  }

  /** Validates `input` for `model` and returns the id; throws ValidationError, nothing sent. */
  checkInput(model: string | ModelRef, input: unknown, options: ValidateOptions = {}): string {
    const ref = this.#ref(model);
    const id = typeof model === "string" ? model : model.id;
    if (ref === undefined) {
      if (this.#models !== undefined) {
        const suggestion = closestName(id, Object.keys(this.#models));
        throw new ValidationError(id, [{ path: "", keyword: "model", params: { model: id, suggestion }, message: `unknown model "${id}"${suggestion === undefined ? "" : `; did you mean ${suggestion}?`}` }]);
      }
      return id;
    }
    const result = ref.validate(input, options);
    if (!result.ok) throw new ValidationError(id, result.errors);
    return id;
  }

  /**
   * Validates `input` and uploads its local files (see `uploads`), checking everything else first:
   * returns the model id and the body to send. Nothing is sent for the generation before every
   * upload has succeeded.
   */
  async prepareInput(model: string | ModelRef, input: unknown, options: InputOptions = {}): Promise<{ id: string; body: Record<string, unknown> }> {
    const { body, files } = findLocalFiles(input, this.#ref(model)?.media ?? []);
    const id = typeof model === "string" ? model : model.id;
    if (files.length === 0) return { id: this.checkInput(model, input, options), body: input as Record<string, unknown> };
    const uploads = this.#uploads;
    if (uploads === undefined) {
      const hint = "give the client an upload target, new OxenClient({ uploads: { namespace, repo } }), or pass a URL";
      throw new ValidationError(id, files.map((f) => ({ path: f.path, keyword: "format", params: { format: "media-url", local: true }, message: `${f.path} is a local file: ${hint}` })));
    }
    for (const f of files) f.set(PENDING_UPLOAD);
    this.checkInput(model, body, options);
    for (const f of files) {
      const onProgress = options.onUploadProgress && ((p: UploadProgress) => options.onUploadProgress!({ ...p, parameter: f.path }));
      f.set((await this.files.upload(f.file, { ...uploads, signal: options.signal, onProgress })).url);
    }
    return { id: this.checkInput(model, body, options), body: body as Record<string, unknown> };
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
    generate: async <K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: InputOptions = {}): Promise<VideoGenerateResponse> => {
      const { id, body } = await this.prepareInput(model, input, options);
      return this.transport.request({ method: "POST", path: "/api/ai/videos/generate", body: { ...body, model: id }, signal: options.signal, timeoutMs: options.timeoutMs ?? GENERATE_TIMEOUT_MS });
    },
  };

  readonly queue = {
    /** Validates and queues; returns one handle per generation. Never replayed once sent (see the README's retry policy). */
    enqueue: async <K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: EnqueueOptions = {}): Promise<GenerationHandle[]> => {
      // Checked before anything is uploaded or sent.
      const problem = options.numGenerations === undefined ? undefined : outOfRange("numGenerations", options.numGenerations, NUM_GENERATIONS);
      if (problem !== undefined) throw new ValidationError(typeof model === "string" ? model : model.id, [{ path: "num_generations", keyword: "range", params: { ...NUM_GENERATIONS }, message: problem }]);
      const { id, body: params } = await this.prepareInput(model, input, options);
      const body = {
        ...params,
        model: id,
        num_generations: options.numGenerations,
        target_namespace: options.targetNamespace,
        target_repo: options.targetRepo,
        target_directory: options.targetDirectory,
      };
      const created = await this.transport.request<QueueCreateResponse>({ method: "POST", path: "/api/ai/queue", body, signal: options.signal, timeoutMs: options.timeoutMs });
      const enqueuedAt = new Date().toISOString();
      const schemaSha256 = this.#ref(model)?.schemaSha256;
      return created.generations.map((g) => ({ generationId: g.generation_id, modelId: id, enqueuedAt, ...(schemaSha256 === undefined ? {} : { schemaSha256 }) }));
    },
    get: (generationId: string, options: RequestOptions = {}): Promise<QueueRow> => this.transport.request({ method: "GET", path: pathOf`/api/ai/queue/${generationId}`, ...options }),
    /** Active rows, unless `status` is given. */
    list: ({ signal, timeoutMs, mediaType, ...filters }: QueueListFilters = {}): Promise<QueueList> =>
      this.transport.request({ method: "GET", path: "/api/ai/queue", query: { ...filters, media_type: mediaType }, signal, timeoutMs }),
    /** Cancels a queued or running generation; no effect on one that has ended. */
    cancel: (generationId: string, options: RequestOptions = {}): Promise<QueueDeleteResponse> => this.transport.request({ method: "DELETE", path: pathOf`/api/ai/queue/${generationId}`, ...options }),
    /** Waits for a generation to end (see WaitOptions); takes a handle from any process, or an id. */
    wait: (handleOrId: GenerationHandle | string, options: WaitOptions = {}): Promise<SucceededRow> =>
      waitForGeneration(this.#waitContext, typeof handleOrId === "string" ? handleOrId : handleOrId.generationId, { via: "poll", ...options }),
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
    subscribe: (options: SubscribeOptions = {}): EventSubscription => new EventSubscription(this.transport, { ...this.#eventOptions, ...options }),
  };

  /**
   * Validates, uploads local files (see `uploads`), subscribes to completion events, queues one
   * generation and waits for it: returns the final row, or throws as `queue.wait` does. `timeoutMs`
   * is one deadline counted from the call; it does not cut the enqueue request short (a paid POST
   * aborted midway would leave a job with no handle). Aborting `signal` cancels the generation on the
   * server (`cancelOnAbort: false` leaves it running); an abort during the enqueue request lets it
   * finish, then cancels.
   */
  async run<K extends Key<M>>(model: K | ModelRef<M[K]>, input: F[K], options: RunOptions = {}): Promise<SucceededRow> {
    const started = Date.now();
    const { body } = await this.prepareInput(model, input, options);
    const via = options.via ?? "auto";
    const cancelOnAbort = options.cancelOnAbort ?? true;
    // The stream has no replay: it must be open before the job exists, or its completion can be missed.
    const events = via === "poll" ? undefined : this.events.subscribe({ signal: options.signal });
    try {
      if (events !== undefined && via === "events") await events.ready;
      else await events?.ready.catch(() => {});
      const { timeoutMs: _deadline, ...enqueueOptions } = options;
      // An abort must not cut the paid POST short (that would leave a job with no handle to cancel):
      // it is let finish, and the wait below cancels the new generation at once.
      if (options.signal?.aborted) throw new AbortError("run aborted before the generation was queued", { cause: options.signal.reason });
      const signal = cancelOnAbort ? undefined : options.signal;
      const [handle] = await this.queue.enqueue(model, body as F[K], { ...enqueueOptions, signal, numGenerations: 1 });
      if (handle === undefined) throw new OxenError("the queue accepted the request but returned no generation");
      options.onEnqueued?.(handle);
      return await waitForGeneration(this.#waitContext, handle.generationId, { ...options, via, cancelOnAbort }, events, started);
    } finally {
      events?.close();
    }
  }

  /** Downloads a result file to a path (Node) or into a WritableStream. The key is sent only to the API's own origin. */
  download(url: string, destination: string | WritableStream<Uint8Array>, options: DownloadOptions = {}): Promise<DownloadResult> {
    return download(this.transport, url, destination, options);
  }

  #ref(model: string | ModelRef): ModelRef | undefined {
    if (typeof model !== "string") return model;
    return this.#models !== undefined && Object.hasOwn(this.#models, model) ? this.#models[model] : undefined;
  }
}

/** How a generated model function is told which client to use. */
export interface ClientChoice {
  /** Default: one client configured from the environment, made at the first call. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model map: the function's own input type governs
  client?: OxenClient<any>;
}

let shared: OxenClient | undefined;

/** The client a generated model function calls, typed for that model's input (and its input with local files). */
export function clientFor<Input, Files = Input>(options?: ClientChoice): OxenClient<Record<string, Input>, Record<string, Files>> {
  if (options?.client !== undefined) return options.client;
  shared ??= new OxenClient();
  return shared as OxenClient<Record<string, Input>, Record<string, Files>>;
}
