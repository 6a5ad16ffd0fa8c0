import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { jobId, StageQueues } from "../src/pipeline/distributed/queues.js";
import { waitUntilIdle } from "../src/pipeline/distributed/run-distributed.js";
import { syncSchedulers } from "../src/pipeline/distributed/schedulers.js";
import { startWorkers } from "../src/pipeline/distributed/workers.js";
import { insertArticles } from "../src/store/articles.js";
import { runCli } from "./helpers/cli.js";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { faithful, fakeLlm } from "./helpers/fake-llm.js";
import { REDIS_URL } from "./helpers/redis.js";

const base = (prefix: string, extra = "") => `
timezone: Asia/Tehran
feeds:
  - { id: a, url: "https://a.example/rss", every: 10m }
  - { id: b, url: "https://b.example/rss", every: 1h }
queue: { redisUrl: "${REDIS_URL}", prefix: ${prefix}${extra} }
digest: { time: "06:30" }
`;

describe("queues, schedulers and the operator's commands", () => {
  const prefix = `ww${randomBytes(4).toString("hex")}`;
  const redis = connectRedis(REDIS_URL, () => undefined);
  let queues: StageQueues;
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshPostgres();
  });
  afterAll(async () => {
    await queues?.close();
    redis.disconnect();
    await db.drop();
  });

  it("derives job ids from content: same ids, same job", () => {
    expect(jobId({ stage: "extract", ids: ["x", "y"] })).toBe(
      jobId({ stage: "extract", ids: ["x", "y"] }),
    );
    expect(jobId({ stage: "extract", ids: ["x"] })).not.toBe(
      jobId({ stage: "extract", ids: ["y"] }),
    );
    expect(jobId({ stage: "fetch", ids: ["a"] }, "run1")).not.toBe(
      jobId({ stage: "fetch", ids: ["a"] }, "run2"),
    );
  });

  it("upserts a poll per feed and the daily digest from the config, and removes a dropped feed's", async () => {
    const config = parseConfig(base(prefix), "w.yaml", {});
    queues = new StageQueues(config, redis);
    await syncSchedulers(queues, config);
    await syncSchedulers(queues, config);
    const feeds = await queues.queue("fetch").getJobSchedulers(0, -1);
    expect(feeds.map((s) => [s.key, s.every]).sort()).toEqual([
      ["feed:a", 600_000],
      ["feed:b", 3_600_000],
    ]);
    const [digest] = await queues.queue("digest").getJobSchedulers(0, -1);
    expect(digest).toMatchObject({
      key: "digest:daily",
      pattern: "0 30 6 * * *",
      tz: "Asia/Tehran",
    });

    const changed = parseConfig(
      base(prefix)
        .replace('  - { id: b, url: "https://b.example/rss", every: 1h }\n', "")
        .replace("every: 10m", "every: 5m"),
      "w.yaml",
      {},
    );
    await syncSchedulers(queues, changed);
    const after = await queues.queue("fetch").getJobSchedulers(0, -1);
    expect(after.map((s) => [s.key, s.every])).toEqual([["feed:a", 300_000]]);
  });

  it("the translation queue's rate limit holds across all its workers", async () => {
    const llm = await fakeLlm((r) => faithful(r));
    const config = parseConfig(
      base(`${prefix}rl`, ", limits: { translate: { max: 2, per: 1s } }") +
        `translate: { provider: openai, baseURL: "${llm.url}", apiKey: k, model: m, batchSize: 1 }\n` +
        // Headline requests only: the six articles make a story, whose summary is another request.
        "stories: { summaries: false }\n",
      "w.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger(), db: db.db });
    const ids = Array.from({ length: 6 }, (_, i) => `rl${i}`);
    await insertArticles(
      db.db,
      ids.map((id) => ({
        id,
        feedId: "a",
        url: `https://a.example/${id}`,
        contentHash: id,
        title: `Iraq ${id}`,
        summary: "",
        body: null,
        author: null,
        publishedAt: null,
        fetchedAt: new Date(),
        declaredLanguage: null,
        language: "fr",
        languageConfidence: 1,
      })),
    );
    const limited = new StageQueues(config, redis);
    const workers = [
      startWorkers(ctx, limited, ["translate"], 4),
      startWorkers(ctx, limited, ["translate"], 4),
      // Translated articles go on to their stories; the run is idle once they have.
      startWorkers(ctx, limited, ["stories"], 1),
    ];
    await limited.add(ids.map((id) => ({ stage: "translate", ids: [id] })));
    await waitUntilIdle(limited);
    const starts = (await limited.queue("translate").getCompleted(0, -1))
      .map((j) => j.processedOn ?? 0)
      .sort();
    expect(starts).toHaveLength(6);
    // Any three starts span more than the limiter's window: never three in one second.
    for (let i = 2; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 2] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(llm.requests).toHaveLength(6);
    await Promise.all(workers.map((w) => w.close()));
    await limited.close();
    await llm.close();
  });

  it("status, jobs failed and jobs retry show and requeue a failed job with its reason", async () => {
    const config = parseConfig(base(`${prefix}ops`), "w.yaml", {});
    const ctx = await createContext(config, { log: silentLogger(), db: db.db });
    const ops = new StageQueues(config, redis);
    const workers = startWorkers(ctx, ops, ["extract"], 1);
    await ops.add([{ stage: "extract", ids: ["no-such-article"] }]);
    await waitUntilIdle(ops);
    await workers.close();

    const dir = await mkdtemp(join(tmpdir(), "wirewatch-ops-"));
    const file = join(dir, "wirewatch.yaml");
    await writeFile(file, `${base(`${prefix}ops`)}store: { url: "${db.url}" }\n`);
    const status = (await runCli(["status", "--config", file])).stdout;
    expect(status).toMatch(/extract\s+0\s+0\s+0\s+1\s+0/);
    expect(status).toContain("feed a: never polled");
    const failed = (await runCli(["jobs", "failed", "--queue", "extract", "--config", file]))
      .stdout;
    expect(failed).toContain(
      "(1 attempts, ids no-such-article): not-found: articles not in the store: no-such-article",
    );
    expect((await runCli(["jobs", "retry", "--config", file])).stdout.trim()).toBe(
      "1 failed jobs queued again",
    );
    expect(await ops.queue("extract").getJobCounts("failed", "waiting")).toEqual({
      failed: 0,
      waiting: 1,
    });
    await ops.close();
  });

  it("work queued again after its job failed for good runs again, under the same job id", async () => {
    const config = parseConfig(base(`${prefix}again`), "w.yaml", {});
    const ctx = await createContext(config, { log: silentLogger(), db: db.db });
    const again = new StageQueues(config, redis);
    const workers = startWorkers(ctx, again, ["extract", "stories", "deliver"], 1);
    try {
      const job = { stage: "extract" as const, ids: ["late-article"] };
      await again.add([job]);
      await waitUntilIdle(again);
      expect(await again.queue("extract").getJobCounts("failed")).toEqual({ failed: 1 });
      // The article arrives; a poll queues its extraction again, under the same content id.
      await insertArticles(db.db, [
        {
          id: "late-article",
          feedId: "a",
          url: "https://a.example/late",
          contentHash: "late",
          title: "Late article",
          summary: "",
          body: null,
          author: null,
          publishedAt: null,
          fetchedAt: new Date(),
          declaredLanguage: "en",
          language: "en",
          languageConfidence: 1,
        },
      ]);
      await again.add([job]);
      await waitUntilIdle(again);
      expect(await again.queue("extract").getJobCounts("failed", "completed")).toEqual({
        failed: 0,
        completed: 1,
      });
      const [row] = await db.db.query<{ extracted: boolean }>(
        "select extracted_at is not null as extracted from articles where id = 'late-article'",
      );
      expect(row?.extracted).toBe(true);
    } finally {
      await workers.close();
      await again.close();
    }
  });

  it("worker without a queue configured says what is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-ops-"));
    const file = join(dir, "wirewatch.yaml");
    await writeFile(
      file,
      'feeds:\n  - { id: a, url: "https://a.example/rss" }\nstore: { path: ./data }\n',
    );
    const failure = await runCli(["worker", "--config", file], dir).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(
      "this command needs a queue: set REDIS_URL or queue.redisUrl in the config",
    );
  });
});
