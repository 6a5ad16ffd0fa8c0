import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../src/config/index.js";
import { serveFiles } from "../src/demo/feed-server.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { StageQueues } from "../src/pipeline/distributed/queues.js";
import { enqueueFeeds, waitUntilIdle } from "../src/pipeline/distributed/run-distributed.js";
import { runOnce } from "../src/pipeline/run-once.js";
import { countArticles } from "../src/store/articles.js";
import { freshPostgres } from "../test/helpers/databases.js";
import { REDIS_URL } from "../test/helpers/redis.js";
import { spawnWorker } from "../test/helpers/workers.js";
import { generateFeeds } from "./corpus.js";

export interface DistributedResult {
  inlinePostgres: number;
  workers1: number;
  workers2: number;
  redisMBPer10kJobs: number;
}

/**
 * The same 5,000 items through the inline runner and through 1 and 2 worker processes on
 * BullMQ, each into a fresh PostgreSQL database; articles per second from first job to idle.
 */
export async function benchDistributed(feedCount = 50, perFeed = 100): Promise<DistributedResult> {
  const feeds = generateFeeds(feedCount, perFeed);
  const server = await serveFiles(new Map(feeds.map((f) => [f.path, f.body])));
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-bench-dist-"));
  const yaml = (storeUrl: string, prefix: string) =>
    [
      "feeds:",
      ...feeds.map(
        (f, i) => `  - { id: f${i}, url: "${server.url}/${f.path}", language: ${f.language} }`,
      ),
      "fetch: { allowLoopback: true, hostGap: 0s }",
      `store: { url: "${storeUrl}" }`,
      `queue: { redisUrl: "${REDIS_URL}", prefix: ${prefix} }`,
    ].join("\n");
  try {
    const inline = await freshPostgres();
    const config = parseConfig(yaml(inline.url as string, "unused"), "bench.yaml", {});
    const ctx = await createContext(config, { log: silentLogger(), db: inline.db });
    const started = performance.now();
    await runOnce(ctx);
    const inlineRate = (await countArticles(inline.db)) / ((performance.now() - started) / 1000);
    await inline.drop();

    const rate = async (workers: number) => {
      const db = await freshPostgres();
      const prefix = `bench${randomBytes(4).toString("hex")}`;
      const file = join(dir, `${prefix}.yaml`);
      await writeFile(file, yaml(db.url as string, prefix));
      const config = parseConfig(await readFile(file, "utf8"), file, {});
      const redis = connectRedis(REDIS_URL, () => undefined);
      const queues = new StageQueues(config, redis);
      const processes = Array.from({ length: workers }, () => spawnWorker(file));
      try {
        await Promise.all(processes.map((p) => p.ready));
        const t0 = performance.now();
        await enqueueFeeds(
          queues,
          config.feeds.map((f) => f.id),
        );
        await waitUntilIdle(queues, undefined, 50);
        const seconds = (performance.now() - t0) / 1000;
        return (await countArticles(db.db)) / seconds;
      } finally {
        for (const p of processes) p.child.kill("SIGTERM");
        await Promise.all(processes.map((p) => p.exited));
        for (const queue of queues.queues.values()) await queue.obliterate({ force: true });
        await queues.close();
        redis.disconnect();
        await db.drop();
      }
    };
    const workers1 = await rate(1);
    const workers2 = await rate(2);
    return {
      inlinePostgres: Math.round(inlineRate),
      workers1: Math.round(workers1),
      workers2: Math.round(workers2),
      redisMBPer10kJobs: await redisMemoryPer10kJobs(),
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Redis memory taken by 10,000 waiting extract jobs of one article id each, as the pipeline adds them. */
async function redisMemoryPer10kJobs(): Promise<number> {
  const redis = connectRedis(REDIS_URL, () => undefined);
  const config = parseConfig(
    `feeds: [{ id: a, url: "https://a.example/" }]\nqueue: { redisUrl: "${REDIS_URL}", prefix: benchmem${randomBytes(4).toString("hex")} }`,
    "m.yaml",
    {},
  );
  const queues = new StageQueues(config, redis);
  try {
    const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? 0);
    const before = await used();
    const ids = Array.from({ length: 10_000 }, (_, i) => randomBytes(10).toString("hex") + i);
    for (let i = 0; i < ids.length; i += 1000) {
      await queues.add(
        ids.slice(i, i + 1000).map((id) => ({ stage: "extract" as const, ids: [id] })),
      );
    }
    const after = await used();
    await queues.queue("extract").obliterate({ force: true });
    return Math.round(((after - before) / 2 ** 20) * 10) / 10;
  } finally {
    await queues.close();
    redis.disconnect();
  }
}
