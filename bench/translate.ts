import { parseConfig } from "../src/config/index.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runInline } from "../src/pipeline/inline.js";
import { translationBatches } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { freshPglite } from "../test/helpers/databases.js";
import { faithful, fakeLlm } from "../test/helpers/fake-llm.js";
import { generateFeeds } from "./corpus.js";

const LATENCY_MS = 300;
const LIMIT_RPM = 120;

export interface TranslateResult {
  rpmOfLimit: number;
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

/**
 * Articles for the headlines, then the translation stage over them, against a loopback model;
 * each wave after the first arrives once the one before it is done, as syndicated copies do.
 */
async function run(waves: Headline[][], batchSize: number, concurrency = 8) {
  const llm = await fakeLlm((r) => faithful(r), { usage: "by-length", latencyMs: LATENCY_MS });
  const t = await freshPglite();
  try {
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]
translate: { provider: openai, baseURL: "${llm.url}", apiKey: bench, model: bench, requestsPerMinute: ${LIMIT_RPM}, batchSize: ${batchSize} }
# Headlines are measured here; the generated titles would make stories whose summaries are
# requests of another kind.
stories: { summaries: false }`,
      "bench.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    let n = 0;
    for (const items of waves) {
      const articles: NewArticle[] = items.map((h) => {
        const id = `h${n++}`;
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
      await insertArticles(t.db, articles);
      await runInline(
        ctx,
        translationBatches(
          ctx,
          articles.map((a) => a.id),
        ),
        concurrency,
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
  const pressure = await run([await headlines(LIMIT_RPM + 30, 0)], 1);
  return {
    rpmOfLimit: Math.round((busiestMinute(pressure.times) / LIMIT_RPM) * 1000) / 1000,
    requestsPer1000Headlines: batched.requests,
    tokensPer1000Headlines: batched.tokens,
    oneByOneRequestsPer1000Headlines: oneByOne.requests * 10,
    oneByOneTokensPer1000Headlines: oneByOne.tokens * 10,
    cacheHitRate: Math.round((1 - cached.sent / syndicated.length) * 1000) / 1000,
  };
}
