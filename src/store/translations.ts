import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export interface ToTranslate {
  id: string;
  title: string;
  language: string;
}

/** Articles among these ids that still need an English title. */
export async function needingTranslation(db: Sql, ids: readonly string[]): Promise<ToTranslate[]> {
  return db.query<ToTranslate>(
    `select id, title, language from articles
     where id in (select jsonb_array_elements_text($1::jsonb)) and translation_status in ('pending', 'failed')
     order by id`,
    [asJson(ids)],
  );
}

export async function cachedTranslations(
  db: Sql,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<{ key: string; title_en: string }>(
    "select key, title_en from translations where key in (select jsonb_array_elements_text($1::jsonb))",
    [asJson(keys)],
  );
  return new Map(rows.map((r) => [r.key, r.title_en]));
}

export interface Translated {
  id: string;
  titleEn: string;
  /** Cache key, when the answer came from the model and should be kept. */
  key?: string;
  tokens: number;
}

/** English titles stored (and cached), their articles marked done. */
export async function saveTranslations(
  db: Sql,
  model: string,
  promptVersion: number,
  done: readonly Translated[],
): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `update articles a set title_en = x.title_en, translation_status = 'done', translation_error = null,
       tokens = a.tokens + x.tokens
     from jsonb_to_recordset($1::jsonb) as x(id text, title_en text, tokens integer) where a.id = x.id`,
    [asJson(done.map((d) => ({ id: d.id, title_en: d.titleEn, tokens: d.tokens })))],
  );
  const fresh = done.filter((d) => d.key);
  if (fresh.length > 0) {
    await db.query(
      `insert into translations (key, model, prompt_version, title_en)
       select key, $2, $3, title_en from jsonb_to_recordset($1::jsonb) as x(key text, title_en text)
       on conflict (key) do nothing`,
      [asJson(fresh.map((d) => ({ key: d.key, title_en: d.titleEn }))), model, promptVersion],
    );
  }
}

/** Articles left untranslated, with the reason in words (or `none`: no provider configured). */
export async function markUntranslated(
  db: Sql,
  ids: readonly string[],
  status: "failed" | "none",
  reason: string | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `update articles set translation_status = $2, translation_error = $3
     where id in (select jsonb_array_elements_text($1::jsonb)) and translation_status in ('pending', 'failed')`,
    [asJson(ids), status, reason],
  );
}

export async function recordUsage(
  db: Sql,
  day: string,
  model: string,
  promptTokens: number,
  completionTokens: number,
  requests = 1,
): Promise<void> {
  await db.query(
    `insert into token_usage (day, model, requests, prompt_tokens, completion_tokens) values ($1, $2, $5, $3, $4)
     on conflict (day, model) do update set requests = token_usage.requests + excluded.requests,
       prompt_tokens = token_usage.prompt_tokens + excluded.prompt_tokens,
       completion_tokens = token_usage.completion_tokens + excluded.completion_tokens`,
    [day, model, promptTokens, completionTokens, requests],
  );
}

/**
 * Articles to try again: failed ones, and those marked `none` (no provider then) now that one
 * is configured; first seen at or after `since` when given. They are set back to pending.
 */
export async function resetForRetranslation(db: Sql, since: Date | null): Promise<string[]> {
  // A headline that failed or was never tried, and a full tier that failed: both go again
  // (the full tier takes failed articles back by itself once they are in a translate job).
  const rows = await db.query<{ id: string }>(
    `update articles set translation_status = case when translation_status in ('failed', 'none')
       then 'pending' else translation_status end
     where (translation_status in ('failed', 'none') or full_status = 'failed')
       and ($1::timestamptz is null or fetched_at >= $1)
     returning id`,
    [since?.toISOString() ?? null],
  );
  return rows.map((r) => r.id).sort();
}

export interface FullCandidate {
  id: string;
  feedId: string;
  language: string;
  title: string;
  summary: string;
  body: string | null;
  /** Whether it names a watchlist item, and the types of what it names (gazetteer pass). */
  watched: boolean;
  entityTypes: string[];
  /** The operator's categories it was tagged with. */
  categories: string[];
}

/** Articles among these not yet through the full tier, with what the gazetteer found in them. */
export async function fullCandidates(db: Sql, ids: readonly string[]): Promise<FullCandidate[]> {
  return db.query<FullCandidate>(
    `select a.id, a.feed_id as "feedId", a.language, a.title, a.summary, a.body,
       coalesce(bool_or(e.watched), false) as watched,
       coalesce(jsonb_agg(distinct e.type) filter (where e.type is not null), '[]'::jsonb) as "entityTypes",
       coalesce((select jsonb_agg(c.category_id) from article_categories c
                 where c.article_id = a.id), '[]'::jsonb) as categories
     from articles a
     left join mentions m on m.article_id = a.id
     left join entities e on e.id = m.entity_id
     where a.id in (select jsonb_array_elements_text($1::jsonb)) and (a.full_status is null or a.full_status = 'failed')
     group by a.id order by a.id`,
    [asJson(ids)],
  );
}

export interface FullResult {
  titleEn: string;
  summaryEn: string;
  bodyEn: string | null;
  tokens: number;
}

export async function saveFull(db: Sql, id: string, r: FullResult): Promise<void> {
  await db.query(
    `update articles set title_en = coalesce(title_en, $2), summary_en = $3, body_en = $4,
       full_status = 'done', full_error = null, tokens = tokens + $5,
       translation_status = case when translation_status = 'pending' then 'done' else translation_status end
     where id = $1`,
    [id, r.titleEn, r.summaryEn, r.bodyEn, r.tokens],
  );
}

export async function markFullFailed(
  db: Sql,
  ids: readonly string[],
  reason: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    "update articles set full_status = 'failed', full_error = $2 where id in (select jsonb_array_elements_text($1::jsonb))",
    [asJson(ids), reason],
  );
}

export async function cachedFullAnswer<T>(db: Sql, key: string): Promise<T | undefined> {
  const rows = await db.query<{ answer: T }>(
    "select answer from full_translations where key = $1",
    [key],
  );
  return rows[0]?.answer;
}

export async function cacheFullAnswer(
  db: Sql,
  key: string,
  model: string,
  promptVersion: number,
  answer: unknown,
): Promise<void> {
  await db.query(
    `insert into full_translations (key, model, prompt_version, answer) values ($1, $2, $3, $4::jsonb)
     on conflict (key) do nothing`,
    [key, model, promptVersion, JSON.stringify(answer)],
  );
}

/** The provider refused the key: kept for `status` until a request succeeds. */
export async function recordRefusal(db: Sql, model: string, error: string): Promise<void> {
  await db.query(
    `insert into provider_refusals (model, error) values ($1, $2)
     on conflict (model) do update set error = excluded.error, at = now()`,
    [model, error],
  );
}

export async function clearRefusal(db: Sql, model: string): Promise<void> {
  await db.query("delete from provider_refusals where model = $1", [model]);
}

export async function refusals(db: Sql): Promise<{ model: string; error: string; at: Date }[]> {
  return db.query("select model, error, at from provider_refusals order by model");
}
