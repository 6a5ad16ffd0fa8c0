import type { FeedConfig } from "../config/index.js";
import type { NewArticle } from "../store/articles.js";
import { articleId, canonicalUrl, contentHash } from "./canonical.js";
import type { FullText } from "./fetch-page.js";
import { identifyLanguage } from "./language.js";
import { normaliseForHash, signature } from "./minhash.js";
import type { FeedItem } from "./parse.js";

/** Each item once, under its canonical URL; items without a usable link are dropped. */
export function byCanonicalUrl(items: readonly FeedItem[]): Map<string, FeedItem> {
  const out = new Map<string, FeedItem>();
  for (const item of items) {
    if (!item.link) continue;
    const url = canonicalUrl(item.link);
    if (!out.has(url)) out.set(url, item);
  }
  return out;
}

export interface ArticleSource {
  feed: Pick<FeedConfig, "id" | "language">;
  /** The language the feed document declares, if any. */
  declared: string | null;
  languages: readonly string[];
  fetchedAt: Date;
  /** `none` when no translation provider is configured. */
  translationStatus: "pending" | "none";
}

/** An article ready to store: its id, hashes and language, from a feed item and its page's text. */
export function newArticle(
  url: string,
  item: FeedItem,
  source: ArticleSource,
  page?: FullText,
): NewArticle {
  const body = page?.body ?? null;
  const text = `${item.title}\n${item.summary}${body ? `\n${body.slice(0, 2000)}` : ""}`;
  const guess = identifyLanguage(text, source.declared, source.languages);
  return {
    id: articleId(url),
    feedId: source.feed.id,
    url,
    contentHash: contentHash(item.title, item.summary),
    title: item.title,
    summary: item.summary,
    body,
    bodyError: page?.error ?? null,
    author: item.author,
    publishedAt: item.published,
    fetchedAt: source.fetchedAt,
    declaredLanguage: source.declared,
    language: guess.language,
    languageConfidence: guess.confidence,
    translationStatus: source.translationStatus,
    minhash: signature(normaliseForHash(`${item.title} ${item.summary}`)),
  };
}

/** "fr-FR" and "ar_SA" declare fr and ar. */
export function shortLanguage(declared: string | null | undefined): string | null {
  const code = declared?.toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : null;
}
