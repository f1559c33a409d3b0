// How a bench measures: subjects take turns, round by round, so drift in the machine's speed falls
// on all of them alike; each reports median and spread over its rounds.
import { spawn } from "node:child_process";

export interface Stat {
  median: number;
  /** Half the interquartile range, as a fraction of the median. */
  spread: number;
  samples: number[];
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  return { median, spread: median === 0 ? 0 : (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 2 / median, samples };
}

/**
 * Runs each subject once per round, in an order that rotates from round to round, and returns the
 * statistics of the values they return (a time, a rate: whatever the subject measures).
 */
export async function alternate<K extends string>(subjects: Record<K, () => Promise<number>>, rounds: number): Promise<Record<K, Stat>> {
  const names = Object.keys(subjects) as K[];
  const samples = new Map<K, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      samples.get(name)!.push(await subjects[name]());
    }
  }
  return Object.fromEntries(names.map((n) => [n, stat(samples.get(n)!)])) as Record<K, Stat>;
}

/** Wall-clock milliseconds of a whole process, from spawn to exit; throws with its output if it fails. */
export function timeProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

/** Operations per second of `op`, run in batches for about `ms` milliseconds. */
export function opsPerSecond(op: () => unknown, ms: number): number {
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) op();
    count += 200;
    elapsed = performance.now() - started;
  }
  return (count / elapsed) * 1000;
}
