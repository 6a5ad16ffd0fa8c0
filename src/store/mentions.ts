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

/**
 * Replaces an article's mentions found by one method and marks it extracted, in one
 * transaction, so running extraction again on the same article changes nothing.
 */
export async function saveMentions(
  tx: Sql,
  articleId: string,
  method: "gazetteer" | "llm",
  mentions: readonly Mention[],
): Promise<void> {
  await tx.query("delete from mentions where article_id = $1 and method = $2", [articleId, method]);
  if (mentions.length > 0) {
    const rows = mentions.map((m) => ({
      article_id: articleId,
      entity_id: m.entityId,
      field: m.field,
      start_offset: m.start,
      end_offset: m.end,
      surface: m.surface,
      method,
      confidence: m.confidence,
    }));
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
  await tx.query("update articles set extracted_at = now() where id = $1", [articleId]);
}
