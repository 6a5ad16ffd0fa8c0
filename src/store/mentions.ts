import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export type Field = "title" | "summary" | "body";

export interface Mention {
  entityId: string;
  field: Field;
  start: number;
  end: number;
  surface: string;
  confidence: number;
}

export interface ArticleMentions {
  articleId: string;
  mentions: readonly Mention[];
}

/**
 * Replaces the mentions one method found in these articles and marks them extracted, in four
 * statements whatever the batch size; running it again on the same articles changes nothing.
 */
export async function saveMentions(
  tx: Sql,
  method: "gazetteer" | "llm",
  batch: readonly ArticleMentions[],
): Promise<void> {
  if (batch.length === 0) return;
  const ids = asJson(batch.map((b) => b.articleId));
  await tx.query(
    "delete from mentions where method = $1 and article_id in (select jsonb_array_elements_text($2::jsonb))",
    [method, ids],
  );
  const rows = batch.flatMap(({ articleId, mentions }) =>
    mentions.map((m) => ({
      article_id: articleId,
      entity_id: m.entityId,
      field: m.field,
      start_offset: m.start,
      end_offset: m.end,
      surface: m.surface,
      method,
      confidence: m.confidence,
    })),
  );
  if (rows.length > 0) {
    await tx.query(
      `insert into mentions (article_id, entity_id, field, start_offset, end_offset, surface,
         method, confidence)
       select * from jsonb_to_recordset($1::jsonb) as x(article_id text, entity_id text,
         field text, start_offset integer, end_offset integer, surface text, method text,
         confidence real)
       on conflict do nothing`,
      [asJson(rows)],
    );
  }
}
