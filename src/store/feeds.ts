import type { FeedConfig } from "../config/index.js";
import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export interface FeedState {
  id: string;
  url: string;
  languageHint: string | null;
  etag: string | null;
  lastModified: string | null;
  consecutiveFailures: number;
  nextFetchAt: Date | null;
}

export interface FeedHealth extends FeedState {
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  lastErrorReason: string | null;
  itemsLastSeen: number | null;
  format: string | null;
  encoding: string | null;
  repaired: boolean;
  /** What the last successful read noticed (bad bytes, dates), or null. */
  notes: string | null;
}

/** Brings the feeds table in line with the config; fetch state of known feeds is kept. */
export async function syncFeeds(
  db: Sql,
  feeds: readonly Pick<FeedConfig, "id" | "url" | "language">[],
): Promise<void> {
  const rows = feeds.map((f) => ({ id: f.id, url: f.url, language_hint: f.language ?? null }));
  await db.query(
    `insert into feeds (id, url, language_hint)
     select id, url, language_hint from jsonb_to_recordset($1::jsonb)
       as x(id text, url text, language_hint text)
     on conflict (id) do update set
       url = excluded.url,
       language_hint = excluded.language_hint,
       etag = case when feeds.url = excluded.url then feeds.etag end,
       last_modified = case when feeds.url = excluded.url then feeds.last_modified end`,
    [asJson(rows)],
  );
}

const HEALTH_COLUMNS = `id, url, language_hint as "languageHint", etag, last_modified as "lastModified",
  consecutive_failures as "consecutiveFailures", next_fetch_at as "nextFetchAt",
  last_fetch_at as "lastFetchAt", last_success_at as "lastSuccessAt", last_status as "lastStatus",
  last_error as "lastError", last_error_reason as "lastErrorReason",
  items_last_seen as "itemsLastSeen", format, encoding, repaired, notes`;

export async function getFeed(db: Sql, id: string): Promise<FeedHealth | undefined> {
  const rows = await db.query<FeedHealth>(`select ${HEALTH_COLUMNS} from feeds where id = $1`, [
    id,
  ]);
  return rows[0];
}

export async function listFeeds(db: Sql): Promise<FeedHealth[]> {
  return db.query<FeedHealth>(`select ${HEALTH_COLUMNS} from feeds order by id`);
}

export interface FetchSuccess {
  status: number;
  etag: string | null;
  lastModified: string | null;
  items: number | null;
  format: string | null;
  encoding: string | null;
  /** Null when not known (a 304 carries no document). */
  repaired: boolean | null;
  /** What the read noticed; null clears it, undefined (a 304) keeps the last. */
  notes?: string | null;
  nextFetchAt: Date;
}

export async function recordFetchSuccess(db: Sql, id: string, s: FetchSuccess): Promise<void> {
  await db.query(
    `update feeds set last_fetch_at = now(), last_success_at = now(), last_status = $2,
       etag = coalesce($3, etag), last_modified = coalesce($4, last_modified),
       items_last_seen = coalesce($5, items_last_seen), format = coalesce($6, format),
       encoding = coalesce($7, encoding), consecutive_failures = 0, last_error = null,
       last_error_reason = null, next_fetch_at = $8, repaired = coalesce($9, repaired),
       notes = case when $10 then notes else $11 end
     where id = $1`,
    [
      id,
      s.status,
      s.etag,
      s.lastModified,
      s.items,
      s.format,
      s.encoding,
      s.nextFetchAt.toISOString(),
      s.repaired,
      s.notes === undefined,
      s.notes ?? null,
    ],
  );
}

export interface FetchFailure {
  status: number | null;
  reason: string;
  message: string;
  /** When to try again, given how many times in a row this feed has now failed. */
  nextFetchAt: (consecutiveFailures: number) => Date;
}

/** Counts the failure in the database, where the scheduler reads it; returns the new count. */
export async function recordFetchFailure(db: Sql, id: string, f: FetchFailure): Promise<number> {
  const rows = await db.query<{ failures: number }>(
    `update feeds set last_fetch_at = now(), last_status = $2, last_error = $3,
       last_error_reason = $4, consecutive_failures = consecutive_failures + 1
     where id = $1 returning consecutive_failures as failures`,
    [id, f.status, f.message, f.reason],
  );
  const failures = rows[0]?.failures ?? 1;
  await db.query("update feeds set next_fetch_at = $2 where id = $1", [
    id,
    f.nextFetchAt(failures).toISOString(),
  ]);
  return failures;
}
