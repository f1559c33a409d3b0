import { randomUUID } from "node:crypto";

export type GenerationStatus = "queued" | "processing" | "succeeded" | "failed" | "cancelled";

/** A queue row as `GET /api/ai/queue/{id}` returns it: the documented fields, request parameters merged in. */
export type Row = Record<string, unknown> & {
  generation_id: string;
  model_name: string;
  media_type: "video";
  status: GenerationStatus;
  enqueued_at: number;
  started_at: number | null;
  completed_at: number | null;
  result_url: string | null;
  error_message: string | null;
};

export interface QueueTimings {
  /** How long a generation waits in `queued`. */
  queuedMs: number;
  /** How long it stays `processing` before it ends. */
  processingMs: number;
}

export interface QueueHooks {
  /** Why the generation fails (the model's own check of its parameters), or undefined when it succeeds. */
  check(modelName: string, params: Record<string, unknown>): string | undefined;
  /** Where its result is served. */
  resultUrl(row: Row): string;
  /** Called when a row reaches succeeded or failed (not cancelled: upstream sends no event for that). */
  completed(row: Row): void;
}

export const TERMINAL: readonly GenerationStatus[] = ["succeeded", "failed", "cancelled"];

const now = (): number => Math.floor(Date.now() / 1000);

/** The render queue: queued → processing → succeeded | failed, or cancelled from an active state. */
export class Queue {
  readonly rows = new Map<string, Row>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly timings: QueueTimings,
    readonly hooks: QueueHooks,
  ) {}

  add(modelName: string, params: Record<string, unknown>, targets: Record<string, string | null>): Row {
    const row: Row = {
      ...params,
      ...targets,
      generation_id: randomUUID(),
      model_name: modelName,
      media_type: "video",
      status: "queued",
      enqueued_at: now(),
      started_at: null,
      completed_at: null,
      result_url: null,
      error_message: null,
    };
    this.rows.set(row.generation_id, row);
    this.#after(row, this.timings.queuedMs, () => {
      row.status = "processing";
      row.started_at = now();
      this.#after(row, this.timings.processingMs, () => {
        const problem = this.hooks.check(modelName, params);
        this.finish(row.generation_id, problem === undefined ? { status: "succeeded" } : { status: "failed", error_message: problem });
      });
    });
    return row;
  }

  /** Ends an active generation now (tests use it to decide an outcome); a terminal row is left alone. */
  finish(id: string, outcome: { status: "succeeded" } | { status: "failed"; error_message: string }): void {
    const row = this.rows.get(id);
    if (row === undefined || TERMINAL.includes(row.status)) return;
    this.#stop(id);
    row.started_at ??= now();
    row.completed_at = now();
    row.status = outcome.status;
    if (outcome.status === "succeeded") row.result_url = this.hooks.resultUrl(row);
    else row.error_message = outcome.error_message;
    this.hooks.completed(row);
  }

  /** Cancels an active generation; no effect on a terminal one. */
  cancel(id: string): void {
    const row = this.rows.get(id);
    if (row === undefined || TERMINAL.includes(row.status)) return;
    this.#stop(id);
    row.status = "cancelled";
    row.completed_at = now();
  }

  close(): void {
    for (const id of [...this.#timers.keys()]) this.#stop(id);
  }

  #after(row: Row, ms: number, then: () => void): void {
    this.#timers.set(
      row.generation_id,
      setTimeout(() => {
        this.#timers.delete(row.generation_id);
        then();
      }, ms),
    );
  }

  #stop(id: string): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }
}
