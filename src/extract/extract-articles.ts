import type { Logger } from "pino";
import { StageError } from "../lib/errors.js";
import { getArticles, type StoredArticle } from "../store/articles.js";
import { saveCategories } from "../store/categories.js";
import type { Database } from "../store/database.js";
import { type Entity, insertEntitiesIfMissing } from "../store/entities.js";
import { type Field, type Mention, saveMentions } from "../store/mentions.js";
import { saveSearchDocuments } from "../store/search-index.js";
import type { Categories } from "./categories.js";
import { findEntities } from "./find-entities.js";
import type { Matcher } from "./matcher.js";
import { asSearchSource, documentOf } from "./search-index.js";

export interface ExtractContext {
  db: Database;
  matcher: Matcher;
  log: Logger;
  /** Each feed's region (config `feeds[].region`), by feed id. */
  regions?: ReadonlyMap<string, readonly string[]>;
  /** The operator's categories, tagged here once the article's entities are known. */
  categories?: Categories;
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
  if (missing.length > 0)
    throw new StageError("not-found", `articles not in the store: ${missing.join(", ")}`);
  const entities = new Map<string, Entity>();
  const batch = articles.map((article) => ({
    articleId: article.id,
    mentions: findMentions(article, ctx.matcher, entities, ctx.regions?.get(article.feedId)),
  }));
  const tagged = articles.map((article, i) => ({
    articleId: article.id,
    categories: categoriesOf(article, batch[i]?.mentions ?? [], ctx.categories),
  }));
  await ctx.db.transaction(async (tx) => {
    await insertEntitiesIfMissing(tx, [...entities.values()]);
    await saveMentions(tx, "gazetteer", batch);
    await saveCategories(tx, tagged);
    // Marked extracted and filed for search in one write of each article.
    await saveSearchDocuments(
      tx,
      articles.map((a) => documentOf(asSearchSource(a))),
      { extracted: true },
    );
  });
  const found = batch.reduce((n, b) => n + b.mentions.length, 0);
  ctx.log.debug({ stage: "extract", articles: ids.length, mentions: found }, "articles extracted");
  return found;
}

function categoriesOf(
  article: StoredArticle,
  mentions: readonly Mention[],
  categories: Categories | undefined,
): string[] {
  if (!categories || categories.size === 0) return [];
  return categories.match({
    language: article.language,
    text: [article.title, article.summary, article.body ?? ""].join("\n"),
    entityIds: new Set(mentions.map((m) => m.entityId)),
  });
}

/** The gazetteer's mentions in an article's fields; the entities they name go into `found`. */
export function findMentions(
  article: StoredArticle,
  matcher: Matcher,
  found: Map<string, Entity> = new Map(),
  region: readonly string[] = [],
): Mention[] {
  const fields: [Field, string | null][] = [
    ["title", article.title],
    ["summary", article.summary],
    ["body", article.body],
  ];
  // Offsets are per field, so each field is matched on its own: a namesake is settled by the
  // countries that field names, then by the feed's region.
  const mentions: Mention[] = [];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const m of findEntities(matcher, text, article.language, { region })) {
      found.set(m.entity.id, m.entity);
      const { start, end, surface, confidence } = m;
      mentions.push({ entityId: m.entity.id, field, start, end, surface, confidence });
    }
  }
  return mentions;
}
