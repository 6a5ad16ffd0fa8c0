/**
 * Search over a million stored articles on PostgreSQL, through the API as a client asks it:
 * 200 mixed searches (names in every language and inflection, two words, a language, an entity,
 * a day, a second page), p95 of their times.
 */
import { parseConfig } from "../src/config/index.js";
import { searchDocument } from "../src/extract/search-keys.js";
import { silentLogger } from "../src/lib/logger.js";
import { buildServer } from "../src/server/app.js";
import { freshPostgres } from "../test/helpers/databases.js";
import { generatedText, LANGUAGES, NAMES } from "./corpus.js";

export interface ServeResult {
  articles: number;
  searchP95Ms: number;
  searchMedianMs: number;
  loadSeconds: number;
}

// Distinct texts; each stored many times over, under its own id, link and time.
const TEMPLATES = 20_000;
const SEARCHES = 200;

export async function benchServe(articles = 1_000_000): Promise<ServeResult> {
  const t = await freshPostgres();
  try {
    const started = performance.now();
    await load(t.db, articles);
    const loadSeconds = (performance.now() - started) / 1000;
    const config = parseConfig(
      'feeds: [{ id: f0, url: "https://x.example/rss" }]\nserve: {}',
      "bench.yaml",
      {},
    );
    const app = await buildServer({ db: t.db, config, log: silentLogger() });
    const times: number[] = [];
    try {
      for (const url of searches()) {
        const at = performance.now();
        const response = await app.inject({ url });
        times.push(performance.now() - at);
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
      }
    } finally {
      await app.close();
    }
    times.sort((a, b) => a - b);
    const quantile = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    return {
      articles,
      searchP95Ms: Math.round(quantile(0.95) * 10) / 10,
      searchMedianMs: Math.round(quantile(0.5) * 10) / 10,
      loadSeconds: Math.round(loadSeconds),
    };
  } finally {
    await t.drop();
  }
}

export async function load(db: Awaited<ReturnType<typeof freshPostgres>>["db"], count: number) {
  await db.query(
    `insert into feeds (id, url) select 'f' || i, 'https://x.example/' || i from generate_series(0, 49) i`,
  );
  await db.query(
    "insert into entities (id, type, name) values ('watch:isis', 'group', 'Islamic State')",
  );
  const templates = Array.from({ length: TEMPLATES }, (_, n) => {
    const language = LANGUAGES[n % LANGUAGES.length] as string;
    const { title, summary } = generatedText(language, n);
    return { n, language, title, summary, document: searchDocument([title, summary]) };
  });
  await db.query(
    `create unlogged table bench_templates as
     select x.n, x.language, x.title, x.summary, to_tsvector('simple', x.document) as search
     from jsonb_to_recordset($1::jsonb) as x(n int, language text, title text, summary text, document text)`,
    [JSON.stringify(templates)],
  );
  // Written in slices, so one statement does not hold a million rows at once.
  const slice = 100_000;
  for (let from = 0; from < count; from += slice) {
    await db.query(
      `insert into articles (id, feed_id, url, content_hash, title, summary, fetched_at, language,
         translation_status, extracted_at, search)
       select 'b' || i, 'f' || (i % 50), 'https://bench.example/' || i, 'h' || i, t.title, t.summary,
         timestamptz '2026-11-30' - make_interval(secs => i * 2), t.language, 'none', now(), t.search
       from generate_series($1::int, $2::int) i join bench_templates t on t.n = i % ${TEMPLATES}`,
      [from, Math.min(count, from + slice) - 1],
    );
  }
  // One article in seven names the watched group, as a busy desk's watchlist would see.
  await db.query(
    `insert into mentions (article_id, entity_id, field, start_offset, end_offset, surface, method, confidence)
     select 'b' || i, 'watch:isis', 'title', 0, 4, 'ISIS', 'gazetteer', 1
     from generate_series(0, $1::int - 1, 7) i`,
    [count],
  );
  await db.query("drop table bench_templates");
  await db.query("analyze");
}

/** A fixed mix of what analysts type: a name in each language, inflected, with filters. */
function searches(): string[] {
  const out: string[] = [];
  let i = 0;
  const names = LANGUAGES.flatMap((l) => (NAMES[l] ?? []).map((name) => ({ l, name })));
  while (out.length < SEARCHES) {
    const { l, name } = names[i % names.length] as { l: string; name: string };
    const other = names[(i * 7 + 3) % names.length]?.name ?? "";
    const q = encodeURIComponent(name);
    const kinds = [
      `/api/articles?q=${q}`,
      `/api/articles?q=${q}%20${encodeURIComponent(other)}`,
      `/api/articles?q=${q}&lang=${l}`,
      `/api/articles?q=${q}&entity=watch:isis`,
      `/api/articles?q=${q}&from=2026-11-28&to=2026-11-28`,
      `/api/articles?entity=watch:isis&limit=100`,
      `/api/articles?q=${encodeURIComponent(`${name} ${i}`)}`,
    ];
    out.push(kinds[i % kinds.length] as string);
    i++;
  }
  return out;
}
