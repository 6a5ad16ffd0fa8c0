import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export interface SearchSource {
  id: string;
  title: string;
  summary: string;
  /** The body's lead: enough to find an article by, not its whole text. */
  lead: string | null;
  titleEn: string | null;
  summaryEn: string | null;
}

// An article is found by its opening; the rest of a long body adds more noise than matches.
export const LEAD_CHARS = 2000;

export async function searchSources(db: Sql, ids: readonly string[]): Promise<SearchSource[]> {
  if (ids.length === 0) return [];
  return db.query<SearchSource>(
    `select id, title, summary, left(body, ${LEAD_CHARS}) as lead, title_en as "titleEn",
       summary_en as "summaryEn"
     from articles where id in (select jsonb_array_elements_text($1::jsonb))`,
    [asJson(ids)],
  );
}

/**
 * Each article's search words (already keys: the 'simple' configuration keeps them as they
 * are); with `extracted`, the articles are marked extracted in the same write, since every
 * write of a row rewrites all its index entries.
 */
export async function saveSearchDocuments(
  db: Sql,
  rows: readonly { id: string; document: string }[],
  options: { extracted?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `update articles a set search = to_tsvector('simple', x.document)
       ${options.extracted ? ", extracted_at = now()" : ""}
     from jsonb_to_recordset($1::jsonb) as x(id text, document text) where a.id = x.id`,
    [asJson(rows)],
  );
}
