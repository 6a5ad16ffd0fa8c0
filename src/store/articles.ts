import { bandKeys } from "../ingest/minhash.js";
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
  /** `none` when no translation provider is configured: the article says so from the start. */
  translationStatus?: "pending" | "none";
  /** Why full text was wanted and not had; null when it was had or not wanted. */
  bodyError?: string | null;
  minhash?: number[] | null;
  /** The earlier article this one re-publishes with light changes. */
  duplicateOf?: string | null;
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
  titleEn: string | null;
  summaryEn: string | null;
}

/** The values among these that some stored article already has in the column. */
async function storedAmong(
  db: Sql,
  column: "id" | "content_hash",
  values: readonly string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await db.query<{ value: string }>(
    `select ${column} as value from articles where ${column} in (select jsonb_array_elements_text($1::jsonb))`,
    [asJson(values)],
  );
  return new Set(rows.map((r) => r.value));
}

/** The canonical URLs among these that are already stored. */
export const knownIds = (db: Sql, ids: readonly string[]) => storedAmong(db, "id", ids);

/** The content hashes among these that are already stored. */
export const knownContentHashes = (db: Sql, hashes: readonly string[]) =>
  storedAmong(db, "content_hash", hashes);

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
    body_error: a.bodyError ?? null,
    translation_status: a.translationStatus ?? "pending",
    translation_error:
      a.translationStatus === "none" ? "no translation provider is configured" : null,
    minhash: a.minhash ?? null,
    duplicate_of: a.duplicateOf ?? null,
  }));
  const inserted = await db.query<{ id: string }>(
    `insert into articles (id, feed_id, url, content_hash, title, summary, body, author,
       published_at, fetched_at, declared_language, language, language_confidence, body_error,
       translation_status, translation_error, minhash, duplicate_of)
     select * from jsonb_to_recordset($1::jsonb) as x(id text, feed_id text, url text,
       content_hash text, title text, summary text, body text, author text,
       published_at timestamptz, fetched_at timestamptz, declared_language text, language text,
       language_confidence real, body_error text, translation_status text, translation_error text, minhash jsonb,
       duplicate_of text)
     on conflict do nothing
     returning id`,
    [asJson(rows)],
  );
  const ids = new Set(inserted.map((r) => r.id));
  const bands = articles.flatMap((a) =>
    ids.has(a.id) && a.minhash ? bandKeys(a.minhash).map((key) => ({ key, article_id: a.id })) : [],
  );
  if (bands.length > 0) {
    await db.query(
      `insert into article_bands (key, article_id)
       select key, article_id from jsonb_to_recordset($1::jsonb) as x(key integer, article_id text)`,
      [asJson(bands)],
    );
  }
  return inserted.map((r) => r.id);
}

const ARTICLE_COLUMNS = `id, feed_id as "feedId", url, title, summary, body, language,
  published_at as "publishedAt", fetched_at as "fetchedAt", title_en as "titleEn",
  summary_en as "summaryEn"`;

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
 * restart or a lost job left undone, and articles stored before search existed.
 */
export async function articlesAwaitingExtraction(
  db: Sql,
  feedId?: string,
  limit: number | null = null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id, fetched_at from articles
     where extracted_at is null and ($1::text is null or feed_id = $1)
     union
     select id, fetched_at from articles where search is null and ($1::text is null or feed_id = $1)
     order by fetched_at, id limit $2`,
    [feedId ?? null, limit],
  );
  return rows.map((r) => r.id);
}

/** Extracted articles whose English title is still to be had (not failed: retranslate does those). */
export async function articlesAwaitingTranslation(
  db: Sql,
  feedId?: string,
  limit: number | null = null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from articles where translation_status = 'pending' and extracted_at is not null
       and ($1::text is null or feed_id = $1)
     order by fetched_at, id limit $2`,
    [feedId ?? null, limit],
  );
  return rows.map((r) => r.id);
}

export async function countArticles(db: Sql): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from articles");
  return rows[0]?.n ?? 0;
}

export interface SignedArticle {
  id: string;
  language: string;
  minhash: number[];
  /** Title and summary. */
  text: string;
}

/**
 * Originals (not themselves duplicates) seen since `since` that share a MinHash band with any of
 * the given signatures: the only articles a near-duplicate of them can be.
 */
export async function nearDuplicateCandidates(
  db: Sql,
  signatures: readonly number[][],
  since: Date,
): Promise<SignedArticle[]> {
  const keys = [...new Set(signatures.flatMap(bandKeys))];
  if (keys.length === 0) return [];
  return db.query<SignedArticle>(
    `select a.id, a.language, a.minhash, a.title || ' ' || a.summary as text from articles a
     where a.id in (select b.article_id from article_bands b
                    where b.key in (select jsonb_array_elements($1::jsonb)::int))
       and a.duplicate_of is null and a.fetched_at >= $2`,
    [asJson(keys), since.toISOString()],
  );
}
