import type { Sql } from "./database.js";
import { asJson, toIso } from "./json.js";

export interface NewArticle {
  id: string;
  feedId: string;
  url: string;
  contentHash: string;
  title: string;
  summary: string;
  body: string | null;
  author: string | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  declaredLanguage: string | null;
  language: string;
  languageConfidence: number;
}

export interface StoredArticle {
  id: string;
  feedId: string;
  url: string;
  title: string;
  summary: string;
  body: string | null;
  language: string;
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** The canonical URLs among these that are already stored. */
export async function knownUrls(db: Sql, urls: readonly string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db.query<{ url: string }>(
    "select url from articles where url in (select jsonb_array_elements_text($1::jsonb))",
    [asJson(urls)],
  );
  return new Set(rows.map((r) => r.url));
}

/**
 * Stores what is new in one statement; an article already stored by URL or by content hash is
 * left as it was. Returns the ids actually inserted.
 */
export async function insertArticles(db: Sql, articles: readonly NewArticle[]): Promise<string[]> {
  if (articles.length === 0) return [];
  const rows = articles.map((a) => ({
    id: a.id,
    feed_id: a.feedId,
    url: a.url,
    content_hash: a.contentHash,
    title: a.title,
    summary: a.summary,
    body: a.body,
    author: a.author,
    published_at: toIso(a.publishedAt),
    fetched_at: toIso(a.fetchedAt),
    declared_language: a.declaredLanguage,
    language: a.language,
    language_confidence: a.languageConfidence,
  }));
  const inserted = await db.query<{ id: string }>(
    `insert into articles (id, feed_id, url, content_hash, title, summary, body, author,
       published_at, fetched_at, declared_language, language, language_confidence)
     select * from jsonb_to_recordset($1::jsonb) as x(id text, feed_id text, url text,
       content_hash text, title text, summary text, body text, author text,
       published_at timestamptz, fetched_at timestamptz, declared_language text, language text,
       language_confidence real)
     on conflict do nothing
     returning id`,
    [asJson(rows)],
  );
  return inserted.map((r) => r.id);
}

const ARTICLE_COLUMNS = `id, feed_id as "feedId", url, title, summary, body, language,
  published_at as "publishedAt", fetched_at as "fetchedAt"`;

export async function getArticle(db: Sql, id: string): Promise<StoredArticle | undefined> {
  return (await getArticles(db, [id]))[0];
}

/** The stored articles among these ids, in the order given; unknown ids are left out. */
export async function getArticles(db: Sql, ids: readonly string[]): Promise<StoredArticle[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<StoredArticle>(
    `select ${ARTICLE_COLUMNS} from articles where id in (select jsonb_array_elements_text($1::jsonb))`,
    [asJson(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Articles stored but not yet through extraction (of one feed, or of all): what a crash, a
 * restart or a lost job left undone.
 */
export async function articlesAwaitingExtraction(
  db: Sql,
  feedId?: string,
  limit = 10_000,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from articles where extracted_at is null and ($1::text is null or feed_id = $1)
     order by fetched_at, id limit $2`,
    [feedId ?? null, limit],
  );
  return rows.map((r) => r.id);
}

export async function countArticles(db: Sql): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from articles");
  return rows[0]?.n ?? 0;
}
