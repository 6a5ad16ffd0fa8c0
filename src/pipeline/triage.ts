import type { Config } from "../config/index.js";
import { foldLatin } from "../extract/normalize.js";
import type { FullCandidate } from "../store/translations.js";

/**
 * Whether an article is worth the full tier (summary, body, LLM entities): it names a watched
 * item, or matches one of the operator's rules by language, feed, entity type, category or
 * keyword. Every
 * other article gets its headline translated and nothing more.
 */
export function wantsFullTier(article: FullCandidate, config: Config): boolean {
  const rules = config.triage.full;
  if (rules.watchlist && article.watched) return true;
  if (rules.languages.includes(article.language)) return true;
  if (rules.feeds.includes(article.feedId)) return true;
  if (article.entityTypes.some((t) => (rules.entityTypes as string[]).includes(t))) return true;
  if (article.categories.some((c) => rules.categories.includes(c))) return true;
  const text = foldLatin(`${article.title} ${article.summary}`);
  return rules.keywords.some((k) => text.includes(foldLatin(k)));
}
