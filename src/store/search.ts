/**
 * What the API reads: articles by search and filters, one article, entities. Read-only; every
 * query is bounded by a limit, and the filters come in as parameters, never as SQL.
 */
import type { Sql } from "./database.js";

export interface ArticleFilters {
  /** A tsquery made by searchQuery() from our own keys. */
  tsquery?: string;
  language?: string;
  entity?: string;
  category?: string;
  feed?: string;
  from?: Date;
  to?: Date;
  /** Keyset: articles first seen before this one (in the order of the results). */
  after?: { firstSeen: Date; id: string };
  limit: number;
}

export interface ArticleItem {
  id: string;
  title: string;
  titleEn: string | null;
  summaryEn: string | null;
  language: string;
  feedId: string;
  url: string;
  publishedAt: Date | null;
  firstSeen: Date;
  storyId: string | null;
  entities: { id: string; name: string; type: string }[];
  categories: string[];
}

const ITEM_COLUMNS = `a.id, a.title, a.title_en as "titleEn", a.summary_en as "summaryEn", a.language,
  a.feed_id as "feedId", a.url, a.published_at as "publishedAt", a.fetched_at as "firstSeen",
  (select s.story_id from story_articles s where s.article_id = a.id) as "storyId",
  coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type) order by e.name)
            from entities e where e.id in (select m.entity_id from mentions m where m.article_id = a.id)),
    '[]'::jsonb) as entities,
  coalesce((select jsonb_agg(c.category_id order by c.category_id) from article_categories c
            where c.article_id = a.id), '[]'::jsonb) as categories`;

/** Newest first; only the filters given are in the query, so each plan fits its search. */
export async function searchArticles(db: Sql, f: ArticleFilters): Promise<ArticleItem[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.tsquery) where.push(`a.search @@ to_tsquery('simple', ${param(f.tsquery)})`);
  if (f.language) where.push(`a.language = ${param(f.language)}`);
  if (f.feed) where.push(`a.feed_id = ${param(f.feed)}`);
  if (f.entity)
    where.push(
      `exists (select 1 from mentions m where m.article_id = a.id and m.entity_id = ${param(f.entity)})`,
    );
  if (f.category)
    where.push(
      `exists (select 1 from article_categories c where c.article_id = a.id and c.category_id = ${param(f.category)})`,
    );
  if (f.from) where.push(`a.fetched_at >= ${param(f.from.toISOString())}`);
  if (f.to) where.push(`a.fetched_at < ${param(f.to.toISOString())}`);
  if (f.after) {
    where.push(
      `(a.fetched_at, a.id) < (${param(f.after.firstSeen.toISOString())}::timestamptz, ${param(f.after.id)})`,
    );
  }
  const filter = where.length > 0 ? `where ${where.join(" and ")}` : "";
  const limit = param(f.limit);
  // Several words: the text index finds the articles with all of them, which are then sorted.
  // Left to itself, the planner walks every article newest first looking for words that may
  // never meet (a second over a million articles). One word, or none: walking newest first
  // finds a common word's matches at once, and the planner takes the text index for a rare one.
  const picked = f.tsquery?.includes("&")
    ? `with hits as materialized (select a.id, a.fetched_at from articles a ${filter})
       select id from hits order by fetched_at desc, id desc limit ${limit}`
    : `select a.id from articles a ${filter} order by a.fetched_at desc, a.id desc limit ${limit}`;
  return db.query<ArticleItem>(
    `select ${ITEM_COLUMNS} from articles a where a.id in (${picked})
     order by a.fetched_at desc, a.id desc`,
    params,
  );
}

export async function articleById(
  db: Sql,
  id: string,
): Promise<(ArticleItem & { summary: string; body: string | null }) | undefined> {
  const rows = await db.query<ArticleItem & { summary: string; body: string | null }>(
    `select ${ITEM_COLUMNS}, a.summary, a.body from articles a where a.id = $1`,
    [id],
  );
  return rows[0];
}

export interface EntityItem {
  id: string;
  name: string;
  type: string;
  country: string | null;
  watched: boolean;
  articles: number;
}

/** Entities whose name holds the text (any case), most mentioned first. */
export async function entitiesNamed(db: Sql, q: string, limit: number): Promise<EntityItem[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.query<EntityItem>(
    `select e.id, e.name, e.type, e.country, e.watched,
       (select count(distinct m.article_id)::int from mentions m where m.entity_id = e.id) as articles
     from entities e where e.name ilike $1 or e.id = $2
     order by articles desc, e.name limit $3`,
    [pattern, q, limit],
  );
}

export async function entityById(db: Sql, id: string): Promise<EntityItem | undefined> {
  const rows = await db.query<EntityItem>(
    `select e.id, e.name, e.type, e.country, e.watched,
       (select count(distinct m.article_id)::int from mentions m where m.entity_id = e.id) as articles
     from entities e where e.id = $1`,
    [id],
  );
  return rows[0];
}

/** Articles naming the entity per day (UTC), the last `days` days with any. */
export async function entityDays(
  db: Sql,
  id: string,
  days: number,
): Promise<{ day: string; articles: number }[]> {
  return db.query<{ day: string; articles: number }>(
    `select to_char(date_trunc('day', a.fetched_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
       count(distinct a.id)::int as articles
     from mentions m join articles a on a.id = m.article_id
     where m.entity_id = $1 and a.fetched_at >= now() - make_interval(days => $2)
     group by 1 order by 1`,
    [id, days],
  );
}

/** Stories naming the entity, latest first. */
export async function entityStories(
  db: Sql,
  id: string,
  limit: number,
): Promise<{ id: string; title: string; articleCount: number; lastSeen: Date }[]> {
  return db.query(
    `select st.id, st.title, st.article_count as "articleCount", st.last_seen_at as "lastSeen"
     from stories st where st.entities @> jsonb_build_array(jsonb_build_object('id', $1::text))
     order by st.last_seen_at desc, st.id limit $2`,
    [id, limit],
  );
}

/** A digest as it was built and stored, in one format. */
export async function storedDigest(
  db: Sql,
  day: string,
  format: string,
): Promise<string | undefined> {
  const rows = await db.query<{ content: string }>(
    "select content from digests where day = $1 and format = $2",
    [day, format],
  );
  return rows[0]?.content;
}
