import type { Io } from "./args.js";

/** 1.2 MB, 340 kB, 12 B */
export function bytesText(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** 0:07, 12:30 */
export function elapsedText(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Back to the start of the line above (the status line; the column may have moved, e.g. by an echoed ^C) and clear it. */
const REWRITE = "\r\x1b[1A\x1b[2K";

/**
 * What a long command is doing, on stderr. "live" (a terminal): one status line with the elapsed
 * time, rewritten in place every second. "lines" (piped, CI): one plain line per new phase, no
 * counters. "quiet" (--json): nothing.
 */
export class Progress {
  readonly #io: Io;
  readonly #mode: "live" | "lines" | "quiet";
  readonly #started = Date.now();
  #phase = "";
  #detail = "";
  #drawn = false;
  #drawnAt = 0;
  /** A new detail waits to be drawn. */
  #pending = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(io: Io, mode: "live" | "lines" | "quiet") {
    this.#io = io;
    this.#mode = mode;
    if (mode === "live") this.#timer = setInterval(() => this.#draw(), 1000);
    this.#timer?.unref?.();
  }

  get elapsedMs(): number {
    return Date.now() - this.#started;
  }

  /** The current phase (`queued`, `uploading input_audio`) and a detail that changes within it (bytes). */
  status(phase: string, detail = ""): void {
    const changed = phase !== this.#phase;
    // Byte counts come in per chunk: they are redrawn at most ten times a second, but the last
    // count of a phase is shown before the next phase replaces it.
    if (this.#mode === "live" && changed && this.#pending) this.#draw();
    this.#phase = phase;
    this.#detail = detail;
    this.#pending = this.#mode === "live" && !changed && Date.now() - this.#drawnAt < 100;
    if (this.#mode === "live" && !this.#pending) this.#draw();
    else if (this.#mode === "lines" && changed) this.#io.err(phase);
  }

  /** A line that stays (a result, a warning); the status line, if any, is redrawn below it. */
  note(line: string): void {
    if (this.#mode === "quiet") return;
    if (this.#mode === "live" && this.#drawn) this.#io.err(`${REWRITE}${line}`);
    else this.#io.err(line);
    this.#drawn = false;
    if (this.#mode === "live" && this.#phase !== "") this.#draw();
  }

  /** Ends the status line (leaving its last state on screen). */
  stop(): void {
    if (this.#pending) this.#draw();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #draw(): void {
    if (this.#phase === "") return;
    const text = [this.#phase, this.#detail, elapsedText(this.elapsedMs)].filter(Boolean).join(" · ");
    this.#io.err(`${this.#drawn ? REWRITE : ""}${text}`);
    this.#drawn = true;
    this.#drawnAt = Date.now();
    this.#pending = false;
  }
}
