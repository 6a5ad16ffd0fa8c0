import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFeeds } from "../bench/corpus.js";
import { parseConfig } from "../src/config/index.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { StageQueues } from "../src/pipeline/distributed/queues.js";
import { enqueueFeeds, waitUntilIdle } from "../src/pipeline/distributed/run-distributed.js";
import { runOnce } from "../src/pipeline/run-once.js";
import type { Database } from "../src/store/database.js";
import { freshPglite, freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";
import { ownRedis, REDIS_URL } from "./helpers/redis.js";
import { tcpProxy } from "./helpers/tcp-proxy.js";
import { spawnWorker, type WorkerProcess } from "./helpers/workers.js";

const FEEDS = generateFeeds(10, 20);
const SLOW_MS = 400;

/** Feeds byte for byte; under /slow/ each answer waits, so a run lasts long enough to break. */
async function feedServer(): Promise<TestServer> {
  const files = new Map(FEEDS.map((f) => [`/${f.path}`, f.body]));
  return serve((request, response) => {
    const url = request.url ?? "";
    const body = files.get(url.replace(/^\/slow/, ""));
    if (!body) return void response.writeHead(404).end();
    setTimeout(() => response.writeHead(200).end(body), url.startsWith("/slow/") ? SLOW_MS : 0);
  });
}

function yaml(
  server: TestServer,
  store: string | undefined,
  redis: string,
  prefix: string,
  slow = false,
  queueExtra = "",
): string {
  return [
    "feeds:",
    ...FEEDS.map(
      (f, i) =>
        `  - { id: f${i}, url: "${server.url}${slow ? "/slow" : ""}/${f.path}", language: ${f.language} }`,
    ),
    "fetch: { allowLoopback: true, hostGap: 0s }",
    store ? `store: { url: "${store}" }` : "",
    `queue: { redisUrl: "${redis}", prefix: ${prefix}, lockDuration: 3s, concurrency: 2${queueExtra} }`,
  ].join("\n");
}

async function snapshot(db: Database) {
  const articles = await db.query(
    "select id, feed_id, url, language, title, summary from articles order by id",
  );
  const mentions = await db.query(
    "select article_id, entity_id, field, start_offset, end_offset, method from mentions order by article_id, field, start_offset, entity_id",
  );
  const pending = await db.query("select id from articles where extracted_at is null");
  // Every article reaches a story, whichever worker placed it (the grouping may differ with the
  // order the workers took the batches in).
  const unstoried = await db.query(
    "select id from articles a where not exists (select 1 from story_articles s where s.article_id = a.id)",
  );
  return { articles, mentions, pending, unstoried };
}

/** Resolves once the feed server has seen `n` requests under /slow/ (or after about 4 s). */
async function slowRequestsSeen(server: TestServer, n: number, path = "/slow/"): Promise<void> {
  for (
    let i = 0;
    i < 200 && server.requests.filter((r) => r.url.startsWith(path)).length < n;
    i++
  ) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A database URL that goes through the proxy, so a test can take the database away. */
const through = (proxy: { port: number }) => (db: TestDatabase) => {
  const url = new URL(db.url as string);
  url.port = String(proxy.port);
  return url.toString();
};

describe("distributed workers on BullMQ and PostgreSQL", () => {
  let server: TestServer;
  let inline: Awaited<ReturnType<typeof snapshot>>;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await feedServer();
    const db: TestDatabase = await freshPglite();
    const ctx = await createContext(
      parseConfig(yaml(server, undefined, REDIS_URL, "unused"), "inline.yaml", {}),
      { log: silentLogger(), db: db.db },
    );
    await runOnce(ctx);
    inline = await snapshot(db.db);
    await db.drop();
    expect(inline.articles).toHaveLength(200);
  });
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
    await server.close();
  });

  /** A database, a config file and a queue connection for one scenario. */
  async function scenario(
    options: {
      redis?: string;
      slow?: boolean;
      storeUrl?: (db: TestDatabase) => string;
      queueExtra?: string;
    } = {},
  ) {
    const db = await freshPostgres();
    cleanup.push(() => db.drop());
    const prefix = `ww${randomBytes(4).toString("hex")}`;
    const redisUrl = options.redis ?? REDIS_URL;
    const storeUrl = options.storeUrl ? options.storeUrl(db) : (db.url as string);
    const text = yaml(server, storeUrl, redisUrl, prefix, options.slow, options.queueExtra);
    const file = join(await mkdtemp(join(tmpdir(), "wirewatch-dist-")), "wirewatch.yaml");
    await writeFile(file, text);
    const config = parseConfig(text, file, {});
    const redis = connectRedis(redisUrl, () => undefined);
    const queues = new StageQueues(config, redis);
    cleanup.push(async () => {
      await queues.close();
      redis.disconnect();
    });
    const workers: WorkerProcess[] = [];
    const start = async (n = 1) => {
      const started = Array.from({ length: n }, () => spawnWorker(file));
      workers.push(...started);
      cleanup.push(async () => {
        for (const w of started) w.child.kill("SIGKILL");
      });
      await Promise.all(started.map((w) => w.ready));
      return started;
    };
    return {
      db,
      config,
      queues,
      start,
      workers,
      logs: () => workers.map((w) => w.log()).join("\n"),
    };
  }

  it("two worker processes share a run and give exactly the inline result", async () => {
    const s = await scenario();
    await s.start(2);
    await enqueueFeeds(
      s.queues,
      s.config.feeds.map((f) => f.id),
    );
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db)).toEqual(inline);
    const processedBy = new Set(
      [
        ...(await s.queues.queue("fetch").getCompleted(0, -1)),
        ...(await s.queues.queue("extract").getCompleted(0, -1)),
      ].map((j) => j.processedBy),
    );
    expect(processedBy.size, s.logs()).toBe(2);
    // The same run added again within the hour is recognised: no job runs twice.
    await s.queues.add([{ stage: "extract", ids: [inline.articles[0]?.id as string] }]);
    await waitUntilIdle(s.queues);
    const before = await s.queues.queue("extract").getJobCounts("completed");
    await s.queues.add([{ stage: "extract", ids: [inline.articles[0]?.id as string] }]);
    await waitUntilIdle(s.queues);
    expect(await s.queues.queue("extract").getJobCounts("completed")).toEqual({
      completed: before.completed ?? 0,
    });
    for (const w of s.workers) w.child.kill("SIGTERM");
    expect(await Promise.all(s.workers.map((w) => w.exited))).toEqual([0, 0]);
  });

  it("a worker killed with SIGKILL in the middle of a job loses nothing: another takes its job", async () => {
    const s = await scenario({ slow: true });
    const [first] = await s.start(1);
    await enqueueFeeds(s.queues, ["f0"]);
    // Wait until the first worker holds the fetch job (its request is at the slow server).
    await slowRequestsSeen(server, 1, `/slow/${FEEDS[0]?.path}`);
    first?.child.kill("SIGKILL");
    await first?.exited;
    const [second] = await s.start(1);
    await enqueueFeeds(s.queues, s.config.feeds.map((f) => f.id).slice(1));
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db), s.logs()).toEqual(inline);
    // The operator is told what happened to the dead worker's job.
    expect(second?.log()).toContain(
      '"msg":"stalled job taken back (its worker stopped answering)"',
    );
  });

  it("a job whose worker dies twice is taken back twice and completes", async () => {
    const s = await scenario({ slow: true });
    const path = `/slow/${FEEDS[0]?.path}`;
    const seen = () => server.requests.filter((r) => r.url.startsWith(path)).length;
    for (let death = 1; death <= 2; death++) {
      const before = seen();
      const [doomed] = await s.start(1);
      if (death === 1) await enqueueFeeds(s.queues, ["f0"], "once");
      // Wait until this worker holds the fetch job (one more request at the slow server): the
      // second takes it back only once the first's lock has run out.
      for (let i = 0; i < 500 && seen() <= before; i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen()).toBe(before + 1);
      doomed?.child.kill("SIGKILL");
      await doomed?.exited;
    }
    await s.start(1);
    await waitUntilIdle(s.queues);
    expect(await s.queues.queue("fetch").getJobCounts("failed")).toEqual({ failed: 0 });
    const [row] = await s.db.db.query<{ n: number }>(
      "select count(*)::int as n from articles where feed_id = 'f0' and extracted_at is not null",
    );
    expect(row?.n, s.logs()).toBe(20);
  });

  /** Two workers on a Redis of the test's own, a run under way (three slow feeds in hand). */
  async function runningOnOwnRedis() {
    const redis = await ownRedis();
    cleanup.push(() => redis.stop());
    const s = await scenario({ redis: redis.url, slow: true });
    await s.start(2);
    await enqueueFeeds(
      s.queues,
      s.config.feeds.map((f) => f.id),
    );
    await slowRequestsSeen(server, 3);
    return { redis, s };
  }

  it("Redis restarted in the middle of a run: the workers reconnect and the run completes", async () => {
    const { redis, s } = await runningOnOwnRedis();
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db), s.logs()).toEqual(inline);
    // Every line the workers wrote is a JSON log line: no raw stack dump, and the reconnection said.
    const lines = s
      .logs()
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines.filter((line) => !line.startsWith("{"))).toEqual([]);
    expect(s.logs()).toContain('"msg":"redis connection restored"');
  });

  it("Redis full (maxmemory, noeviction) mid-run: the workers pause, say so once, and nothing is lost once memory is freed", async () => {
    const { redis, s } = await runningOnOwnRedis();
    const admin = new Redis(redis.url);
    cleanup.push(async () => admin.disconnect());
    const info = await admin.info("memory");
    const used = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
    await admin.config("SET", "maxmemory-policy", "noeviction");
    await admin.config("SET", "maxmemory", String(used));
    const linesBefore = s.logs().split("\n").length;
    await new Promise((r) => setTimeout(r, 5000));
    const linesDuring = s.logs().split("\n").length - linesBefore;
    await admin.config("SET", "maxmemory", "0");
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db), s.logs()).toEqual(inline);
    expect(s.logs()).toContain('"msg":"redis full: workers paused until it answers"');
    expect(s.logs()).toContain('"msg":"redis has room again: workers resumed"');
    // A few lines in five seconds, not thousands.
    expect(linesDuring).toBeLessThan(60);
  });

  it("PostgreSQL away for longer than all of a job's attempts: workers pause, a worker started meanwhile waits, and the run completes", async () => {
    const proxy = await tcpProxy(5432);
    cleanup.push(() => proxy.close());
    const s = await scenario({
      slow: true,
      // Two attempts a second apart: without the pause, an outage of 12 s fails jobs for good.
      queueExtra: ", attempts: 2",
      storeUrl: through(proxy),
    });
    await s.start(2);
    await enqueueFeeds(
      s.queues,
      s.config.feeds.map((f) => f.id),
    );
    await slowRequestsSeen(server, 2);
    const outage = proxy.outage(12_000);
    await new Promise((r) => setTimeout(r, 1000));
    const late = s.start(1);
    // A process takes a few seconds to start on a busy machine; the outage outlasts that.
    const waiting = '"msg":"database unreachable: waiting for it"';
    for (let i = 0; i < 90 && !s.workers.at(-1)?.log().includes(waiting); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(s.workers.at(-1)?.log()).toContain(waiting);
    await outage;
    await late;
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db), s.logs()).toEqual(inline);
    const failed = await Promise.all(
      [...s.queues.queues.values()].map((q) => q.getJobCountByTypes("failed")),
    );
    expect(failed.reduce((a, b) => a + b, 0)).toBe(0);
    expect(s.logs()).toContain('"msg":"database unreachable: workers paused until it answers"');
    expect(s.logs()).toContain('"msg":"database answers again: workers resumed"');
  }, 60_000);

  it("PostgreSQL refusing connections for a few seconds: the workers wait and the run completes", async () => {
    const proxy = await tcpProxy(5432);
    cleanup.push(() => proxy.close());
    const s = await scenario({
      slow: true,
      storeUrl: through(proxy),
    });
    await s.start(2);
    await enqueueFeeds(
      s.queues,
      s.config.feeds.map((f) => f.id),
    );
    await slowRequestsSeen(server, 2);
    await proxy.outage(3000);
    await waitUntilIdle(s.queues);
    expect(await snapshot(s.db.db), s.logs()).toEqual(inline);
    expect(s.logs()).toContain('"msg":"database answers again: workers resumed"');
  });
});
