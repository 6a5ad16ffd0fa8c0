import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../src/config/index.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { StageQueues } from "../src/pipeline/distributed/queues.js";
import { waitUntilIdle } from "../src/pipeline/distributed/run-distributed.js";
import { runInline } from "../src/pipeline/inline.js";
import { translationBatches } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { freshPglite, freshPostgres } from "../test/helpers/databases.js";
import { type ChatRequest, faithful, fakeLlm, type Reply } from "../test/helpers/fake-llm.js";
import { REDIS_URL } from "../test/helpers/redis.js";
import { spawnWorker } from "../test/helpers/workers.js";
import { generateFeeds } from "./corpus.js";

const LATENCY_MS = 300;
const LIMIT_RPM = 120;

export interface TranslateResult {
  rpmOfLimit: number;
  /** The same with one answer in five a 500 (every retry passes the limiter). */
  rpmOfLimitWith500s: number;
  /** Two worker processes sharing the limit. */
  distributedRpmOfLimit: number;
  requestsPer1000Headlines: number;
  tokensPer1000Headlines: number;
  oneByOneRequestsPer1000Headlines: number;
  oneByOneTokensPer1000Headlines: number;
  cacheHitRate: number;
}

/** Foreign headlines from the bench corpus, `count` of them, `duplicates` share re-published. */
async function headlines(count: number, duplicates: number): Promise<Headline[]> {
  const all: Headline[] = [];
  for (const feed of generateFeeds(40, 40)) {
    if (feed.language === "en") continue;
    const read = await readFeed(feed.body, null, "https://bench.example/");
    all.push(...read.items.map((i) => ({ title: i.title, language: feed.language })));
  }
  const unique = all.slice(0, Math.round(count * (1 - duplicates)));
  const copies = Array.from(
    { length: count - unique.length },
    (_, i) => unique[(i * 7919) % unique.length] as Headline,
  );
  return [...unique, ...copies];
}

type Headline = { title: string; language: string };

/** Stored articles for these headlines, ids `h<n>` from `first` on. */
function articlesOf(items: Headline[], first: number): NewArticle[] {
  return items.map((h, i) => {
    const id = `h${first + i}`;
    return {
      id,
      feedId: "f",
      url: `https://x.example/${id}`,
      contentHash: id,
      title: h.title,
      summary: "",
      body: null,
      author: null,
      publishedAt: null,
      fetchedAt: new Date(),
      declaredLanguage: h.language,
      language: h.language,
      languageConfidence: 1,
    };
  });
}

const TRANSLATE_YAML = (llmUrl: string, batchSize: number) =>
  `feeds: [{ id: f, url: "https://x.example/rss" }]
translate: { provider: openai, baseURL: "${llmUrl}", apiKey: bench, model: bench, requestsPerMinute: ${LIMIT_RPM}, batchSize: ${batchSize} }
# Headlines are measured here; the generated titles would make stories whose summaries are
# requests of another kind.
stories: { summaries: false }`;

/** One answer in five a 500, the rest faithful: the provider's bad minute. */
const flaky = (r: ChatRequest, n: number): Reply =>
  n % 5 === 0 ? { kind: "status", status: 500 } : faithful(r);

/**
 * Articles for the headlines, then the translation stage over them, against a loopback model;
 * each wave after the first arrives once the one before it is done, as syndicated copies do.
 */
async function run(
  waves: Headline[][],
  batchSize: number,
  reply: (r: ChatRequest, n: number) => Reply = (r) => faithful(r),
) {
  const llm = await fakeLlm(reply, { usage: "by-length", latencyMs: LATENCY_MS });
  const t = await freshPglite();
  try {
    const config = parseConfig(TRANSLATE_YAML(llm.url, batchSize), "bench.yaml", {});
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    let n = 0;
    for (const items of waves) {
      const articles = articlesOf(items, n);
      n += items.length;
      await insertArticles(t.db, articles);
      await runInline(
        ctx,
        translationBatches(
          ctx,
          articles.map((a) => a.id),
        ),
        8,
      );
    }
    const usage = await t.db.query<{ requests: number; tokens: number }>(
      "select coalesce(sum(requests), 0)::int as requests, coalesce(sum(prompt_tokens + completion_tokens), 0)::int as tokens from token_usage",
    );
    const sent = llm.requests.reduce(
      (n, r) => n + (JSON.parse(r.messages[1]?.content ?? "[]") as unknown[]).length,
      0,
    );
    return {
      requests: usage[0]?.requests ?? 0,
      tokens: usage[0]?.tokens ?? 0,
      sent,
      times: llm.times,
    };
  } finally {
    await t.drop();
    await llm.close();
  }
}

/**
 * The same pressure through two `wirewatch worker` processes on BullMQ and PostgreSQL: one
 * translate job per headline, the limit held between the processes in Redis.
 */
async function runDistributed(items: Headline[]): Promise<number[]> {
  const llm = await fakeLlm((r) => faithful(r), { usage: "by-length", latencyMs: LATENCY_MS });
  const db = await freshPostgres();
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-bench-limit-"));
  const file = join(dir, "wirewatch.yaml");
  const prefix = `benchlimit${randomBytes(4).toString("hex")}`;
  await writeFile(
    file,
    `${TRANSLATE_YAML(llm.url, 1)}
store: { url: "${db.url}" }
queue: { redisUrl: "${REDIS_URL}", prefix: ${prefix}, concurrency: 8 }
`,
  );
  const config = parseConfig(await readFile(file, "utf8"), file, {});
  const redis = connectRedis(REDIS_URL, () => undefined);
  const queues = new StageQueues(config, redis);
  const workers = [spawnWorker(file), spawnWorker(file)];
  try {
    await Promise.all(workers.map((w) => w.ready));
    const articles = articlesOf(items, 0);
    await insertArticles(db.db, articles);
    await queues.add(articles.map((a) => ({ stage: "translate" as const, ids: [a.id] })));
    await waitUntilIdle(queues, undefined, 50);
    return llm.times;
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
    for (const queue of queues.queues.values()) await queue.obliterate({ force: true });
    await queues.close();
    redis.disconnect();
    await db.drop();
    await llm.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The most requests that started in any 60-second window. */
function busiestMinute(times: readonly number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export async function benchTranslate(): Promise<TranslateResult> {
  const batched = await run([await headlines(1000, 0)], 40);
  const oneByOne = await run([await headlines(100, 0)], 1);
  const syndicated = await headlines(1000, 0.3);
  const cached = await run([syndicated.slice(0, 700), syndicated.slice(700)], 40);
  // More requests than the limit allows in a minute, one headline each, eight at a time.
  const over = await headlines(LIMIT_RPM + 30, 0);
  const pressure = await run([over], 1);
  const failing = await run([over], 1, flaky);
  const distributed = await runDistributed(over);
  const ofLimit = (times: number[]) => Math.round((busiestMinute(times) / LIMIT_RPM) * 1000) / 1000;
  return {
    rpmOfLimit: ofLimit(pressure.times),
    rpmOfLimitWith500s: ofLimit(failing.times),
    distributedRpmOfLimit: ofLimit(distributed),
    requestsPer1000Headlines: batched.requests,
    tokensPer1000Headlines: batched.tokens,
    oneByOneRequestsPer1000Headlines: oneByOne.requests * 10,
    oneByOneTokensPer1000Headlines: oneByOne.tokens * 10,
    cacheHitRate: Math.round((1 - cached.sent / syndicated.length) * 1000) / 1000,
  };
}
