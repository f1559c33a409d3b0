// `npm run demo`: one whole generation against the local server, with no API key and no real video.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OxenClient, validate } from "../generated/all-models.js";
import { DEMO_API_KEY, startMockServer } from "../mock/index.js";

const MODEL = "ltx-2-3-quality-audio-to-video";
const started = Date.now();
const say = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(4)} s] ${line}`);

const server = await startMockServer({ timings: { queuedMs: 1500, processingMs: 3000 } });
try {
  say(`local Oxen-compatible server on ${server.url}`);
  const oxen = new OxenClient({ apiKey: DEMO_API_KEY, baseUrl: server.url, pollBackoff: { initialMs: 500, maxMs: 1000 } });

  const typo = validate(MODEL, { prompt: "a choir", input_adio: "https://example.com/choir.mp3" });
  if (!typo.ok) say(`a typo is caught before anything is sent: ${typo.errors.map((e) => e.message).join("; ")}`);

  const row = await oxen.run(
    MODEL,
    { prompt: "a choir singing in a cathedral, candles, slow dolly-in", input_audio: "https://example.com/choir.mp3", num_frames: 241 },
    {
      onEnqueued: (handle) => say(`queued; a handle to keep for resuming: ${JSON.stringify(handle)}`),
      onUpdate: (r) => say(`status: ${r.status}`),
    },
  );
  say(`result: ${row.result_url}`);
  const path = join(tmpdir(), `oxen-demo-${row.generation_id}.mp4`);
  const { bytes } = await oxen.download(row.result_url!, path);
  say(`downloaded ${bytes} bytes to ${path}`);
} finally {
  await server.close();
}
