// Workload 3: the cost of our client per enqueue + get round trip, against plain fetch with the same
// bodies and openapi-fetch over the envelope types. The local server runs in its own process.
import { spawn, type ChildProcess } from "node:child_process";
import createClient from "openapi-fetch";
import type { HubPaths } from "../generated/index.js";
import { OxenClient } from "../generated/index.js";
import { DEMO_API_KEY } from "../mock/index.js";
import type { BenchContext } from "./context.js";
import { alternate } from "./measure.js";
import type { Row } from "./results.js";

const MODEL = "ltx-2-3-quality-audio-to-video";
const BODY = { prompt: "a choir singing in a cathedral", input_audio: "https://example.com/choir.mp3", num_frames: 241 };

/** `oxen-contracts mock` in a child process, and its address once it listens. */
function startServer(cli: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "mock"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`the mock server exited (${code}) before it listened`)));
  });
}

export async function clientBench(ctx: BenchContext): Promise<Row[]> {
  const { child, url } = await startServer(ctx.clientCli);
  try {
    const headers = { authorization: `Bearer ${DEMO_API_KEY}`, "content-type": "application/json" };
    const oxen = new OxenClient({ apiKey: DEMO_API_KEY, baseUrl: url });
    const typed = createClient<HubPaths>({ baseUrl: url, headers });
    const pairs: Record<string, () => Promise<unknown>> = {
      ours: async () => {
        const [handle] = await oxen.queue.enqueue(MODEL, BODY);
        return oxen.queue.get(handle!.generationId);
      },
      "plain fetch": async () => {
        const created = await fetch(`${url}/api/ai/queue`, { method: "POST", headers, body: JSON.stringify({ ...BODY, model: MODEL }) });
        if (!created.ok) throw new Error(`enqueue: ${created.status}`);
        const { generations } = (await created.json()) as { generations: { generation_id: string }[] };
        const row = await fetch(`${url}/api/ai/queue/${encodeURIComponent(generations[0]!.generation_id)}`, { headers });
        if (!row.ok) throw new Error(`get: ${row.status}`);
        return row.json();
      },
      "openapi-fetch": async () => {
        const created = await typed.POST("/api/ai/queue", { body: { ...BODY, model: MODEL } as never });
        if (created.error !== undefined) throw new Error("enqueue failed");
        const id = created.data.generations[0]!.generation_id;
        const row = await typed.GET("/api/ai/queue/{generation_id}", { params: { path: { generation_id: id } } });
        if (row.error !== undefined) throw new Error("get failed");
        return row.data;
      },
    };
    const calls = ctx.quick ? 150 : 1000;
    for (const pair of Object.values(pairs)) for (let i = 0; i < 50; i++) await pair(); // warm up connections and code
    const stats = await alternate(
      Object.fromEntries(
        Object.entries(pairs).map(([name, pair]) => [
          name,
          async () => {
            const started = performance.now();
            for (let i = 0; i < calls; i++) await pair();
            return ((performance.now() - started) * 1000) / calls;
          },
        ]),
      ),
      ctx.quick ? 3 : 9,
    );
    return ["plain fetch", "openapi-fetch"].map((peer) => ({
      workload: "client overhead",
      case: "enqueue + get against the local server",
      unit: "µs",
      better: "lower" as const,
      ours: { label: "OxenClient (validates)", stat: stats.ours! },
      peer: { label: peer, stat: stats[peer]! },
    }));
  } finally {
    child.kill();
  }
}
