// The index's client and loadModel: a model's module loads when a call first names it, once, and a
// wrong id is refused before anything is loaded or sent.
import { describe, expect, it } from "vitest";
import { loadModel } from "../generated/index.js";
import { OxenClient, ValidationError, type ModelLoader } from "../runtime/index.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

/** The seed model's real loader, counting its calls; `failures` first calls reject as a lost chunk would. */
function countingLoader(failures = 0): { load: ModelLoader; calls: () => number } {
  let calls = 0;
  const load: ModelLoader = () => (++calls <= failures ? Promise.reject(new Error("chunk lost")) : import("../generated/models/ltx-2-3-quality-audio-to-video.js"));
  return { load, calls: () => calls };
}

async function clientWith(load: ModelLoader) {
  const server = await serverForTest({ timings: { queuedMs: 20, processingMs: 20, syncMs: 10 } });
  const oxen = new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, maxRetries: 0, models: { [SEED]: load } });
  return { server, oxen };
}

describe("a client whose models load on first use", () => {
  it("loads a model once, however many calls name it, and still refuses an invalid body before sending", async () => {
    const { load, calls } = countingLoader();
    const { server, oxen } = await clientWith(load);
    expect(calls()).toBe(0);
    const invalid = await failure(oxen.queue.enqueue(SEED, { ...INPUT, num_frames: 600 }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.message).toBe(`invalid input for ${SEED}: num_frames must be at most 481 (got 600)`);
    expect(server.requests).toEqual([]);
    await Promise.all([oxen.queue.enqueue(SEED, INPUT), oxen.checkInput(SEED, INPUT), oxen.prepareInput(SEED, INPUT)]);
    expect(calls()).toBe(1);
    expect(server.paidSubmissions).toBe(1);
  });

  it("refuses an unknown id with the closest one, loading and sending nothing", async () => {
    const { load, calls } = countingLoader();
    const { server, oxen } = await clientWith(load);
    const error = await failure(oxen.queue.enqueue("ltx-2-3-qualty-audio-to-video", INPUT));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(`invalid input for ltx-2-3-qualty-audio-to-video: unknown model "ltx-2-3-qualty-audio-to-video"; did you mean ${SEED}?`);
    expect(calls()).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it("tries a failed load again at the next call", async () => {
    const { load, calls } = countingLoader(1);
    const { server, oxen } = await clientWith(load);
    expect((await failure(oxen.queue.enqueue(SEED, INPUT))).message).toBe("chunk lost");
    expect(server.requests).toEqual([]);
    expect(await oxen.queue.enqueue(SEED, INPUT)).toHaveLength(1);
    expect(calls()).toBe(2);
  });
});

describe("loadModel", () => {
  it("gives a model's module, whose validate is synchronous", async () => {
    const seed = await loadModel(SEED);
    expect(seed.model.id).toBe(SEED);
    expect(seed.validate({ ...INPUT, num_frames: 600 })).toMatchObject({ ok: false, errors: [{ message: "num_frames must be at most 481 (got 600)" }] });
  });

  it("refuses an id the index does not have, naming the closest", async () => {
    const error = await failure(loadModel("flux-3-vide" as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('invalid input for flux-3-vide: unknown model "flux-3-vide"; did you mean flux-3-video?');
  });
});
