import type { Logger } from "pino";
import { getArticles, type StoredArticle } from "../store/articles.js";
import type { Database } from "../store/database.js";
import { type Field, type Mention, saveMentions } from "../store/mentions.js";
import type { Matcher } from "./matcher.js";

export interface ExtractContext {
  db: Database;
  matcher: Matcher;
  log: Logger;
}

/**
 * The first extraction pass over a batch of articles: gazetteer mentions in each original
 * title, summary and body, stored with offsets into that field, in one transaction. Running it
 * again on the same articles changes nothing.
 */
export async function extractArticles(
  ids: readonly string[],
  ctx: ExtractContext,
): Promise<number> {
  const articles = await getArticles(ctx.db, ids);
  const missing = ids.filter((id) => !articles.some((a) => a.id === id));
  if (missing.length > 0) throw new Error(`articles not in the store: ${missing.join(", ")}`);
  const batch = articles.map((article) => ({
    articleId: article.id,
    mentions: findMentions(article, ctx.matcher),
  }));
  await ctx.db.transaction((tx) => saveMentions(tx, "gazetteer", batch));
  const found = batch.reduce((n, b) => n + b.mentions.length, 0);
  ctx.log.debug({ stage: "extract", articles: ids.length, mentions: found }, "articles extracted");
  return found;
}

export function findMentions(article: StoredArticle, matcher: Matcher): Mention[] {
  const fields: [Field, string | null][] = [
    ["title", article.title],
    ["summary", article.summary],
    ["body", article.body],
  ];
  return fields.flatMap(([field, text]) =>
    text
      ? matcher.match(text).map((m) => ({
          entityId: m.entity.id,
          field,
          start: m.start,
          end: m.end,
          surface: m.surface,
          confidence: m.confidence,
        }))
      : [],
  );
}
