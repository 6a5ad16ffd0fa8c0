import type { Logger } from "pino";
import { getArticle } from "../store/articles.js";
import type { Database } from "../store/database.js";
import { type Field, type Mention, saveMentions } from "../store/mentions.js";
import type { Matcher } from "./matcher.js";

export interface ExtractContext {
  db: Database;
  matcher: Matcher;
  log: Logger;
}

/**
 * The first extraction pass: gazetteer mentions in the original title and summary, stored with
 * offsets into each field. Running it again on the same article changes nothing.
 */
export async function extractArticle(articleId: string, ctx: ExtractContext): Promise<Mention[]> {
  const article = await getArticle(ctx.db, articleId);
  if (!article) throw new Error(`article ${articleId} is not in the store`);
  const mentions: Mention[] = [];
  const fields: [Field, string | null][] = [
    ["title", article.title],
    ["summary", article.summary],
    ["body", article.body],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const m of ctx.matcher.match(text)) {
      mentions.push({
        entityId: m.entity.id,
        field,
        start: m.start,
        end: m.end,
        surface: m.surface,
        confidence: m.confidence,
      });
    }
  }
  await ctx.db.transaction((tx) => saveMentions(tx, articleId, "gazetteer", mentions));
  ctx.log.debug(
    { article: articleId, feed: article.feedId, stage: "extract", mentions: mentions.length },
    "article extracted",
  );
  return mentions;
}
