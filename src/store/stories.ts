import { type Signals, STORY_TEXT_CHARS, type StoryText } from "../stories/signals.js";
import type { Sql } from "./database.js";
import { asJson } from "./json.js";

/** An article as the stories stage reads it: what its signals are made of, and more. */
export interface StoryArticle extends Omit<StoryText, "time"> {
  feedId: string;
  /** Published, unless that is missing or after it was first seen. */
  time: Date;
  duplicateOf: string | null;
}

const IDS = "select jsonb_array_elements_text($1::jsonb)";

/** These articles, with the entities they name, unless a story already holds them. */
export async function articlesWithoutStory(
  db: Sql,
  ids: readonly string[],
): Promise<StoryArticle[]> {
  if (ids.length === 0) return [];
  return db.query<StoryArticle>(
    `select a.id, a.feed_id as "feedId", a.language, a.title, a.summary,
       left(a.body, ${STORY_TEXT_CHARS}) as body,
       a.title_en as "titleEn", a.summary_en as "summaryEn", a.duplicate_of as "duplicateOf",
       least(coalesce(a.published_at, a.fetched_at), a.fetched_at) as time,
       coalesce(m.ids, '[]'::jsonb) as "entityIds", coalesce(m.surfaces, '[]'::jsonb) as "entitySurfaces"
     from articles a
     cross join lateral (select jsonb_agg(distinct x.entity_id) as ids, jsonb_agg(distinct x.surface) as surfaces
                         from mentions x where x.article_id = a.id and x.entity_id not like 'name:%') m
     where a.id in (${IDS})
       and not exists (select 1 from story_articles s where s.article_id = a.id)
     order by time, a.id`,
    [asJson(ids)],
  );
}

/**
 * Articles through extraction, and translation when a provider is there to do it, that no story
 * holds: what a crash or a lost job left behind.
 */
export async function articlesAwaitingStory(
  db: Sql,
  options: { feedId?: string; translating: boolean; limit?: number | null },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select a.id from articles a
     where a.extracted_at is not null and (not $3 or a.translation_status <> 'pending')
       and ($1::text is null or a.feed_id = $1)
       and not exists (select 1 from story_articles s where s.article_id = a.id)
     order by a.fetched_at, a.id limit $2`,
    [options.feedId ?? null, options.limit ?? null, options.translating],
  );
  return rows.map((r) => r.id);
}

export interface MemberRow {
  storyId: string;
  articleId: string;
  signals: Signals;
  seq: number;
}

/**
 * Placements after `afterSeq` of articles seen since `since`, in the order they were made:
 * what a process's story index has not seen yet (everything, for a process just started).
 */
export async function placementsSince(
  tx: Sql,
  afterSeq: number,
  since: Date,
): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `select story_id as "storyId", article_id as "articleId", signals, seq::float8 as seq
     from story_articles where seq > $1 and seen_at >= $2 order by seq`,
    [afterSeq, since.toISOString()],
  );
}

/** The last placement's number, so a process knows where its index stands. */
export async function lastPlacement(tx: Sql): Promise<number> {
  const rows = await tx.query<{ seq: number | null }>(
    "select max(seq)::float8 as seq from story_articles",
  );
  return rows[0]?.seq ?? 0;
}

/** The story each of these articles is in, for those in one. */
export async function storiesOf(
  tx: Sql,
  articleIds: readonly string[],
): Promise<Map<string, string>> {
  if (articleIds.length === 0) return new Map();
  const rows = await tx.query<{ article_id: string; story_id: string }>(
    `select article_id, story_id from story_articles where article_id in (${IDS})`,
    [asJson(articleIds)],
  );
  return new Map(rows.map((r) => [r.article_id, r.story_id]));
}

export interface Placed {
  storyId: string;
  articleId: string;
  created: boolean;
  score: number;
  signals: Signals;
  time: Date;
}

/** New stories and their members, in one statement whatever the batch. */
export async function savePlacements(tx: Sql, placed: readonly Placed[]): Promise<void> {
  if (placed.length === 0) return;
  const rows = placed.map((p) => ({
    story_id: p.storyId,
    article_id: p.articleId,
    created: p.created,
    score: p.score,
    signals: p.signals,
    seen_at: p.time,
  }));
  await tx.query(
    `with x as (
       select * from jsonb_to_recordset($1::jsonb) as x(story_id text, article_id text,
         created boolean, score real, signals jsonb, seen_at timestamptz)),
     made as (
       insert into stories (id, title, first_seen_at, last_seen_at, lead_article_id)
       select story_id, '', seen_at, seen_at, article_id from x where created
       on conflict (id) do nothing)
     insert into story_articles (story_id, article_id, score, signals, seen_at)
     select story_id, article_id, score, signals, seen_at from x
     on conflict do nothing`,
    [asJson(rows)],
  );
}

/**
 * Each story's summary columns made again from its articles: the lead (the first article with
 * an English title, else the first), title, counts, languages, feeds, entities, categories.
 * Within a transaction.
 */
export async function refreshStories(tx: Sql, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length === 0) return;
  // A batch's stories hold a few articles each: looked up by index, whatever the store's size.
  // The embedded store has no autovacuum and so no statistics, and left to itself the planner
  // reads every member, article and mention of the store for each batch (3x slower at 5,000
  // articles, and growing with the store).
  await tx.query("set local enable_hashjoin = off");
  await tx.query("set local enable_mergejoin = off");
  await tx.query(
    `with members as (
       select s.story_id, a.id, a.title, a.title_en, a.language, a.feed_id, a.fetched_at
       from story_articles s join articles a on a.id = s.article_id
       where s.story_id in (${IDS})),
     lead as (
       select distinct on (story_id) story_id, id, title, title_en, language from members
       order by story_id, (language = 'en' or title_en is not null) desc, fetched_at, id),
     agg as (
       select story_id, count(*)::int as n, min(fetched_at) as first_seen, max(fetched_at) as last_seen,
         jsonb_agg(distinct language) as languages, jsonb_agg(distinct feed_id) as feeds
       from members group by story_id),
     ents as (
       select story_id, jsonb_agg(jsonb_build_object('id', entity_id, 'count', n)
                                  order by n desc, entity_id) as entities,
              bool_or(watched) as watched
       from (select m.story_id, e.id as entity_id, e.watched, count(distinct m.id)::int as n
             from members m join mentions x on x.article_id = m.id join entities e on e.id = x.entity_id
             group by m.story_id, e.id, e.watched) t
       group by story_id),
     cats as (
       select m.story_id, jsonb_agg(distinct c.category_id) as categories
       from members m join article_categories c on c.article_id = m.id group by m.story_id)
     update stories s set
       lead_article_id = lead.id,
       title = case when lead.language = 'en' then lead.title else coalesce(lead.title_en, lead.title) end,
       title_language = case when lead.language = 'en' or lead.title_en is not null then 'en' else lead.language end,
       title_en = case when lead.language = 'en' then lead.title else lead.title_en end,
       article_count = agg.n, first_seen_at = agg.first_seen, last_seen_at = agg.last_seen,
       languages = agg.languages, feeds = agg.feeds,
       entities = coalesce(ents.entities, '[]'::jsonb), watched = coalesce(ents.watched, false),
       categories = coalesce(cats.categories, '[]'::jsonb)
     from lead join agg using (story_id) left join ents using (story_id) left join cats using (story_id)
     where s.id = lead.story_id`,
    [asJson(storyIds)],
  );
}

export interface SummaryDue {
  id: string;
  articleCount: number;
}

/**
 * Among these stories, those due an English summary: watched or with three sources, and not
 * summarised yet or grown by half since.
 */
export async function storiesDueSummary(
  db: Sql,
  storyIds: readonly string[],
): Promise<SummaryDue[]> {
  if (storyIds.length === 0) return [];
  return db.query<SummaryDue>(
    `select id, article_count as "articleCount" from stories
     where id in (${IDS}) and (watched or article_count >= 3)
       and (summary_sources = 0 or article_count * 2 >= summary_sources * 3)
     order by id`,
    [asJson(storyIds)],
  );
}

export interface SourceText {
  language: string;
  feed: string;
  title: string;
  text: string;
}

/** A story's sources for its summary, oldest first, at most `limit`. */
export async function storySources(db: Sql, storyId: string, limit: number): Promise<SourceText[]> {
  return db.query<SourceText>(
    `select a.language, a.feed_id as feed, a.title, left(coalesce(nullif(a.summary, ''), a.body, ''), 600) as text
     from story_articles s join articles a on a.id = s.article_id
     where s.story_id = $1 and a.duplicate_of is null
     order by a.fetched_at, a.id limit $2`,
    [storyId, limit],
  );
}

export async function saveStorySummary(
  db: Sql,
  storyId: string,
  summary: string | null,
  sources: number,
  error: string | null,
): Promise<void> {
  await db.query(
    `update stories set summary_en = coalesce($2, summary_en),
       summary_sources = case when $2::text is null then summary_sources else $3 end, summary_error = $4
     where id = $1`,
    [storyId, summary, sources, error],
  );
}
