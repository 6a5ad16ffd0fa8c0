import { load } from "cheerio";
import type { FeedConfig } from "../config/index.js";
import { FetchError } from "./fetch-errors.js";
import { dated, type FeedItem, type ParsedFeed } from "./parse.js";
import { plainText, resolveLink } from "./text.js";

type Selectors = NonNullable<FeedConfig["selectors"]>;

/** A site without a feed: its list page read with the operator's CSS selectors. */
export function parseHtmlList(
  html: string,
  baseUrl: string | undefined,
  selectors: Selectors,
): ParsedFeed {
  const $ = load(html);
  const blocks = $(selectors.item);
  if (blocks.length === 0) {
    throw new FetchError("parse", `no element matches the item selector "${selectors.item}"`);
  }
  const items: FeedItem[] = [];
  blocks.each((_, element) => {
    const block = $(element);
    const linkElement = block.find(selectors.link).first();
    const link = resolveLink(linkElement.attr("href") ?? linkElement.text(), baseUrl);
    const dateElement = selectors.date ? block.find(selectors.date).first() : undefined;
    const item = {
      title: plainText(block.find(selectors.title).first().text(), 500),
      link,
      guid: null,
      ...dated(dateElement?.attr("datetime") ?? dateElement?.text()),
      summary: selectors.summary ? plainText(block.find(selectors.summary).first().text()) : "",
      author: null,
    };
    if (item.link && item.title) items.push(item);
  });
  return {
    format: "html",
    title: plainText($("title").first().text(), 300),
    language: $("html").attr("lang") ?? null,
    items,
    repaired: false,
  };
}
