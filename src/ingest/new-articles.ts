import type { FeedConfig } from "../config/index.js";
import type { NewArticle } from "../store/articles.js";
import { articleId, canonicalUrl, contentHash } from "./canonical.js";
import type { FullText } from "./fetch-page.js";
import { identifyLanguage } from "./language.js";
import { normaliseForHash, signature } from "./minhash.js";
import type { FeedItem } from "./parse.js";

export interface IdentifiedItem {
  item: FeedItem;
  /** Where it is read: its canonical link, else its GUID when that is a link, else the feed. */
  url: string;
}

/**
 * Each item once, by its article id, made from its identity: its GUID within its feed when it
 * has one, else its canonical link, else its title and text. Two items of one document with the
 * same identity but different title or text are both kept (the second by its text): a feed that
 * gives every story the same link or GUID loses none of them.
 */
export function byIdentity(
  items: readonly FeedItem[],
  feed: { id: string; url: string },
): Map<string, IdentifiedItem> {
  const out = new Map<string, IdentifiedItem>();
  for (const item of items) {
    const url = canonicalUrl(item.link ?? asLink(item.guid) ?? feed.url);
    const byText = `text\n${feed.id}\n${contentHash(item.title, item.summary)}`;
    const identity = item.guid ? `guid\n${feed.id}\n${item.guid}` : item.link ? url : byText;
    let id = articleId(identity);
    const first = out.get(id);
    if (
      first &&
      contentHash(first.item.title, first.item.summary) !== contentHash(item.title, item.summary)
    )
      id = articleId(byText);
    if (!out.has(id)) out.set(id, { item, url });
  }
  return out;
}

function asLink(guid: string | null): string | null {
  return guid && /^https?:\/\/[^\s]+$/i.test(guid) && URL.canParse(guid) ? guid : null;
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
  id: string,
  url: string,
  item: FeedItem,
  source: ArticleSource,
  page?: FullText,
): NewArticle {
  const body = page?.body ?? null;
  const text = `${item.title}\n${item.summary}${body ? `\n${body.slice(0, 2000)}` : ""}`;
  const guess = identifyLanguage(text, source.declared, source.languages);
  return {
    id,
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
