import type { Sql } from "./database.js";

export interface DigestEntity {
  id: string;
  name: string;
  type: "place" | "group" | "person" | "org";
  country: string | null;
  watched: boolean;
  /** Articles of the story that name it. */
  count: number;
}

export interface DigestSource {
  articleId: string;
  feedId: string;
  url: string;
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  language: string;
  translationStatus: string;
  translationError: string | null;
  publishedAt: Date | null;
  firstSeen: Date;
}

export interface DigestStoryRow {
  id: string;
  title: string;
  titleEn: string | null;
  titleLanguage: string;
  leadArticleId: string;
  summaryEn: string | null;
  articleCount: number;
  languages: string[];
  feeds: string[];
  watched: boolean;
  categories: string[];
  firstSeen: Date;
  lastSeen: Date;
  entities: DigestEntity[];
}

// A story as digests and alerts tell it, its entities named and ranked.
const STORY_COLUMNS = `st.id, st.title, st.title_en as "titleEn", st.title_language as "titleLanguage",
  st.lead_article_id as "leadArticleId", st.summary_en as "summaryEn",
  st.article_count as "articleCount", st.languages, st.feeds, st.watched, st.categories,
  st.first_seen_at as "firstSeen", st.last_seen_at as "lastSeen",
  coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type,
              'country', e.country, 'watched', e.watched, 'count', (x.value->>'count')::int)
              order by (x.value->>'count')::int desc, e.name)
            from jsonb_array_elements(st.entities) x join entities e on e.id = x.value->>'id'),
    '[]'::jsonb) as entities`;

/** Stories with an article first seen in [start, end), syndicated copies aside. */
export async function storiesSeenBetween(
  db: Sql,
  start: Date,
  end: Date,
): Promise<DigestStoryRow[]> {
  return db.query<DigestStoryRow>(
    `with today as (
       select distinct s.story_id from story_articles s join articles a on a.id = s.article_id
       where a.fetched_at >= $1 and a.fetched_at < $2 and a.duplicate_of is null)
     select ${STORY_COLUMNS}
     from stories st join today on today.story_id = st.id
     order by st.id`,
    [start.toISOString(), end.toISOString()],
  );
}

/** These stories, as a digest tells them. */
export async function storiesByIds(db: Sql, ids: readonly string[]): Promise<DigestStoryRow[]> {
  if (ids.length === 0) return [];
  return db.query<DigestStoryRow>(
    `select ${STORY_COLUMNS} from stories st
     where st.id in (select jsonb_array_elements_text($1::jsonb)) order by st.id`,
    [JSON.stringify(ids)],
  );
}

/** The sources of these stories first seen before `end`, oldest first, copies aside. */
export async function sourcesOf(
  db: Sql,
  storyIds: readonly string[],
  end: Date,
): Promise<Map<string, DigestSource[]>> {
  const rows = await db.query<DigestSource & { storyId: string }>(
    `select s.story_id as "storyId", a.id as "articleId", a.feed_id as "feedId", a.url, a.title,
       a.title_en as "titleEn", a.summary, a.summary_en as "summaryEn", a.language,
       a.translation_status as "translationStatus", a.translation_error as "translationError",
       a.published_at as "publishedAt", a.fetched_at as "firstSeen"
     from story_articles s join articles a on a.id = s.article_id
     where s.story_id in (select jsonb_array_elements_text($1::jsonb)) and a.fetched_at < $2
       and a.duplicate_of is null
     order by least(coalesce(a.published_at, a.fetched_at), a.fetched_at), a.fetched_at, a.id`,
    [JSON.stringify(storyIds), end.toISOString()],
  );
  const out = new Map<string, DigestSource[]>();
  for (const { storyId, ...source } of rows) {
    const list = out.get(storyId) ?? [];
    list.push(source);
    out.set(storyId, list);
  }
  return out;
}

export interface DayFigures {
  /** Every feed's health now: null when its last poll succeeded, else why it failed. */
  feeds: { id: string; failure: string | null }[];
  articles: number;
  byLanguage: Record<string, number>;
  /** Of the articles not in English, how many have an English title. */
  foreign: number;
  translated: number;
  tokens: { requests: number; prompt: number; completion: number };
}

export async function dayFigures(
  db: Sql,
  day: string,
  start: Date,
  end: Date,
): Promise<DayFigures> {
  const feeds = await db.query<{ id: string; error: string | null; reason: string | null }>(
    "select id, last_error as error, last_error_reason as reason from feeds order by id",
  );
  const languages = await db.query<{ language: string; n: number; translated: number }>(
    `select language, count(*)::int as n, count(title_en)::int as translated from articles
     where fetched_at >= $1 and fetched_at < $2 and duplicate_of is null
     group by language order by language`,
    [start.toISOString(), end.toISOString()],
  );
  const tokens = await db.query<{ requests: number; prompt: number; completion: number }>(
    `select coalesce(sum(requests), 0)::int as requests, coalesce(sum(prompt_tokens), 0)::int as prompt,
       coalesce(sum(completion_tokens), 0)::int as completion from token_usage where day = $1`,
    [day],
  );
  const foreign = languages.filter((l) => l.language !== "en");
  return {
    feeds: feeds.map((f) => ({
      id: f.id,
      failure: f.error === null ? null : `${f.reason ?? "error"}: ${f.error}`,
    })),
    articles: languages.reduce((n, l) => n + l.n, 0),
    byLanguage: Object.fromEntries(languages.map((l) => [l.language, l.n])),
    foreign: foreign.reduce((n, l) => n + l.n, 0),
    translated: foreign.reduce((n, l) => n + l.translated, 0),
    tokens: tokens[0] ?? { requests: 0, prompt: 0, completion: 0 },
  };
}

export async function saveDigest(
  db: Sql,
  day: string,
  format: string,
  articleCount: number,
  content: string,
): Promise<void> {
  await db.query(
    `insert into digests (day, format, built_at, article_count, content) values ($1, $2, now(), $3, $4)
     on conflict (day, format) do update set built_at = now(), article_count = excluded.article_count,
       content = excluded.content`,
    [day, format, articleCount, content],
  );
}
