import type { components } from "../generated/hub.js";
import { OxenError, ValidationError } from "./errors.js";
import { pathOf, Transport, type ClientOptions, type RequestOptions } from "./transport.js";
import type { ValidateOptions, ValidationResult } from "./validation.js";

type Schemas = components["schemas"];
export type Model = Schemas["Model"];
export type ModelList = Schemas["ListModelsResponse"];
export type VideoGenerateResponse = Schemas["VideoGenerateResponse"];
export type QueueCreateResponse = Schemas["QueueCreateResponse"];
/** A queue row: what `queue.get` returns (original request parameters are merged in). */
export type QueueRow = Schemas["QueueGenerationResponse"] & Record<string, unknown>;
export type QueueStatus = QueueRow["status"];

/** What a generated model module hands the client: its id and its validator. */
export interface ModelRef<Input = unknown> {
  readonly id: string;
  validate(input: unknown, options?: ValidateOptions): ValidationResult;
  /** Carries the input type for inference only; never set. */
  readonly __input?: Input;
}

export interface InputOptions extends RequestOptions, ValidateOptions {}

export interface EnqueueOptions extends InputOptions {
  numGenerations?: number;
  targetNamespace?: string;
  targetRepo?: string;
  targetDirectory?: string;
}

/** A stored reference to one queued generation: plain JSON, safe to persist and resume from. */
export interface GenerationHandle {
  generationId: string;
  modelId: string;
  enqueuedAt: string;
}

export interface RunOptions extends EnqueueOptions {
  /** Milliseconds between polls. Default 2000. */
  pollIntervalMs?: number;
}

const TERMINAL: readonly QueueStatus[] = ["succeeded", "failed", "cancelled"];

type Key<M> = keyof M & string;

export interface OxenClientOptions extends ClientOptions {
  /** id → model, so that calls by id are validated before anything is sent. */
  models?: Readonly<Record<string, ModelRef>>;
}

/**
 * The client. `M` maps model ids to input types (the generated `ModelInputs`); calls by id are
 * typed from it, calls with a generated model's `ref` from that model.
 */
export class OxenClient<M extends object = Record<string, Record<string, unknown>>> {
  readonly transport: Transport;
  readonly #models: Readonly<Record<string, ModelRef>> | undefined;

  constructor(options: OxenClientOptions = {}) {
    this.transport = new Transport(options);
    this.#models = options.models;
  }

  /** Validates `input` for `model` and returns the id; throws ValidationError, nothing sent. */
  checkInput(model: string | ModelRef, input: unknown, options: ValidateOptions = {}): string {
    const ref = typeof model === "string" ? this.#models?.[model] : model;
    const id = typeof model === "string" ? model : model.id;
    if (ref === undefined) {
      if (this.#models !== undefined) throw new ValidationError(id, [{ path: "", keyword: "model", params: { model: id }, message: `unknown model "${id}"` }]);
      return id;
    }
    const result = ref.validate(input, options);
    if (!result.ok) throw new ValidationError(id, result.errors);
    return id;
  }

  readonly models = {
    get: (id: string, options: RequestOptions = {}): Promise<Model> =>
      this.transport.request({ method: "GET", path: pathOf`/api/ai/models/${id}`, signal: options.signal }),
    list: (options: RequestOptions = {}): Promise<ModelList> => this.transport.request({ method: "GET", path: "/api/ai/models", signal: options.signal }),
  };

  readonly videos = {
    /** The sync call: blocks until the video is made (minutes). */
    generate: <K extends Key<M>>(model: K | ModelRef<M[K]>, input: M[K], options: InputOptions = {}): Promise<VideoGenerateResponse> => {
      const id = this.checkInput(model, input, options);
      return this.transport.request({ method: "POST", path: "/api/ai/videos/generate", body: { ...input, model: id }, signal: options.signal });
    },
  };

  readonly queue = {
    enqueue: async <K extends Key<M>>(model: K | ModelRef<M[K]>, input: M[K], options: EnqueueOptions = {}): Promise<GenerationHandle[]> => {
      const id = this.checkInput(model, input, options);
      const body = {
        ...input,
        model: id,
        num_generations: options.numGenerations,
        target_namespace: options.targetNamespace,
        target_repo: options.targetRepo,
        target_directory: options.targetDirectory,
      };
      const created = await this.transport.request<QueueCreateResponse>({ method: "POST", path: "/api/ai/queue", body, signal: options.signal });
      const enqueuedAt = new Date().toISOString();
      return created.generations.map((g) => ({ generationId: g.generation_id, modelId: id, enqueuedAt }));
    },
    get: (generationId: string, options: RequestOptions = {}): Promise<QueueRow> =>
      this.transport.request({ method: "GET", path: pathOf`/api/ai/queue/${generationId}`, signal: options.signal }),
  };

  /** Validates, enqueues one generation and polls until it ends; returns the final row. */
  async run<K extends Key<M>>(model: K | ModelRef<M[K]>, input: M[K], options: RunOptions = {}): Promise<QueueRow> {
    const [handle] = await this.queue.enqueue(model, input, { ...options, numGenerations: 1 });
    if (handle === undefined) throw new OxenError("the queue accepted the request but returned no generation");
    for (;;) {
      const row = await this.queue.get(handle.generationId, options);
      if (TERMINAL.includes(row.status)) {
        if (row.status !== "succeeded") throw new OxenError(`generation ${row.generation_id} ${row.status}: ${row.error_message ?? "no reason given"}`);
        return row;
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 2000));
    }
  }
}

/** How a generated model function is told which client to use. */
export interface ClientChoice {
  /** Default: one client configured from the environment, made at the first call. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model map: the function's own input type governs
  client?: OxenClient<any>;
}

let shared: OxenClient | undefined;

/** The client a generated model function calls, typed for that model's input. */
export function clientFor<Input>(options?: ClientChoice): OxenClient<Record<string, Input>> {
  if (options?.client !== undefined) return options.client;
  shared ??= new OxenClient();
  return shared as OxenClient<Record<string, Input>>;
}
