import { describe, expect, it } from "vitest";
import { OxenClient } from "../generated/index.js";
import { type MockServer } from "../mock/index.js";
import { CANARY_KEY, failure, serverForTest } from "./helpers.js";
import { NotFoundError, OxenError, ValidationError, type HistoryRow } from "../runtime/index.js";

const SEED = "ltx-2-3-quality-audio-to-video";
const INPUT = { prompt: "a choir", input_audio: "https://example.com/choir.mp3" };

let server: MockServer | undefined;

async function setup() {
  server = await serverForTest({ timings: { queuedMs: 60_000 } });
  return new OxenClient({ apiKey: CANARY_KEY, baseUrl: server.url, maxRetries: 0 });
}

const lastQuery = () => server!.requests.at(-1)!.query;

describe("generations (the history)", () => {
  it("lists a page with every documented filter, newest first, and gets one row with its cost", async () => {
    const oxen = await setup();
    const [a] = await oxen.queue.enqueue(SEED, INPUT, { targetNamespace: "ns1", targetRepo: "r1", targetDirectory: "d1" });
    const [b] = await oxen.queue.enqueue(SEED, INPUT, { targetNamespace: "ns2", targetRepo: "r2" });
    server!.finish(a!.generationId, { status: "succeeded" });

    const page = await oxen.generations.list({ status: "succeeded", namespace: "ns1", repo: "r1", folder: "d1", model: SEED, mediaType: "video", page: 1, pageSize: 10 });
    expect(lastQuery()).toEqual({ status: "succeeded", namespace: "ns1", repo: "r1", folder: "d1", model: SEED, media_type: "video", page: "1", page_size: "10" });
    expect(page).toMatchObject({ count: 1, page_number: 1, page_size: 10, total_entries: 1, total_pages: 1, total_cost: "0.10" });
    expect(page.generations.map((g) => g.generation_id)).toEqual([a!.generationId]);
    expect((await oxen.generations.list()).generations.map((g) => g.generation_id)).toEqual([b!.generationId, a!.generationId]);

    const row = await oxen.generations.get(a!.generationId);
    expect(row).toMatchObject({ generation_id: a!.generationId, status: "succeeded", cost: "0.10", prompt: INPUT.prompt });
    expect(await failure(oxen.generations.get("no-such-id"))).toBeInstanceOf(NotFoundError);
  });

  it("walks every page with each()", async () => {
    const oxen = await setup();
    const handles = await oxen.queue.enqueue(SEED, INPUT, { numGenerations: 5 });
    const seen: HistoryRow[] = [];
    for await (const row of oxen.generations.each({ pageSize: 2 })) seen.push(row);
    expect(seen.map((r) => r.generation_id).sort()).toEqual(handles.map((h) => h.generationId).sort());
    expect(server!.requests.filter((r) => r.path === "/api/ai/generations").map((r) => r.query.page)).toEqual(["1", "2", "3"]);
  });

  it("refuses paging outside the documented range before sending", async () => {
    const oxen = await setup();
    for (const filters of [{ pageSize: 0 }, { pageSize: 1001 }, { pageSize: 2.5 }, { page: 0 }]) {
      const error = await failure(oxen.generations.list(filters));
      expect(error).toBeInstanceOf(OxenError);
      expect(error.message).toMatch(/^generations\.list: (page|pageSize) must be an integer .*; nothing was sent$/);
    }
    expect(server!.requests).toHaveLength(0);
  });
});

describe("models.list options", () => {
  it("sends the documented filters as query parameters", async () => {
    const oxen = await setup();
    const all = await oxen.models.list({ developerName: "Lightricks", providerName: "fal", action: "train" });
    expect(lastQuery()).toEqual({ developer_name: "Lightricks", provider_name: "fal", action: "train" });
    // No model of the snapshot names a developer or fine-tune actions.
    expect(all.data).toEqual([]);
    expect((await oxen.models.list({ providerName: "fal" })).data.length).toBeGreaterThan(0);
  });
});

describe("enqueue options", () => {
  it("refuses a numGenerations that is not an integer from 1 to 12, before sending", async () => {
    const oxen = await setup();
    for (const numGenerations of [0, 1.5, 13, -1, Number.NaN, "2" as unknown as number]) {
      const error = (await failure(oxen.queue.enqueue(SEED, INPUT, { numGenerations }))) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.errors).toEqual([expect.objectContaining({ path: "num_generations", keyword: "range" })]);
      expect(error.message).toMatch(/numGenerations must be an integer from 1 to 12 \(got .+\)$/);
    }
    expect(server!.requests).toHaveLength(0);
    expect(await oxen.queue.enqueue(SEED, INPUT, { numGenerations: 12 })).toHaveLength(12);
  });
});
