import type { Sql } from "./database.js";

export interface DigestEntity {
  id: string;
  name: string;
  type: "place" | "group" | "person" | "org";
  country: string | null;
  watched: boolean;
  mentions: number;
}

export interface DigestArticle {
  id: string;
  feedId: string;
  url: string;
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  language: string;
  translationStatus: string;
  publishedAt: Date | null;
  fetchedAt: Date;
  entities: DigestEntity[];
  /** Ids of the operator's categories it falls in. */
  categories: string[];
}

/** Articles first seen in [start, end), each with the entities it names; syndicated copies left out. */
export async function articlesSeenBetween(
  db: Sql,
  start: Date,
  end: Date,
): Promise<DigestArticle[]> {
  return db.query<DigestArticle>(
    `select a.id, a.feed_id as "feedId", a.url, a.title, a.title_en as "titleEn", a.summary,
       a.summary_en as "summaryEn", a.language, a.translation_status as "translationStatus",
       a.published_at as "publishedAt", a.fetched_at as "fetchedAt",
       coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'type', e.type,
                  'country', e.country, 'watched', e.watched, 'mentions', m.n) order by m.n desc, e.name)
                 from (select entity_id, count(*)::int as n from mentions
                       where article_id = a.id group by entity_id) m
                 join entities e on e.id = m.entity_id), '[]'::jsonb) as entities,
       coalesce((select jsonb_agg(c.category_id order by c.category_id) from article_categories c
                 where c.article_id = a.id), '[]'::jsonb) as categories
     from articles a
     where a.fetched_at >= $1 and a.fetched_at < $2 and a.duplicate_of is null
     order by a.fetched_at, a.id`,
    [start.toISOString(), end.toISOString()],
  );
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
