import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export interface ArticleCategories {
  articleId: string;
  categories: readonly string[];
}

/** Replaces the categories of these articles; running it again changes nothing. */
export async function saveCategories(tx: Sql, batch: readonly ArticleCategories[]): Promise<void> {
  if (batch.length === 0) return;
  await tx.query(
    "delete from article_categories where article_id in (select jsonb_array_elements_text($1::jsonb))",
    [asJson(batch.map((b) => b.articleId))],
  );
  const rows = batch.flatMap((b) =>
    b.categories.map((category_id) => ({ article_id: b.articleId, category_id })),
  );
  if (rows.length === 0) return;
  await tx.query(
    `insert into article_categories (article_id, category_id)
     select * from jsonb_to_recordset($1::jsonb) as x(article_id text, category_id text)
     on conflict do nothing`,
    [asJson(rows)],
  );
}
