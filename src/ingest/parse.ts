import Parser from "rss-parser";
import { FetchError } from "./fetch-errors.js";
import { parseDate, plainText, resolveLink } from "./text.js";

export type FeedFormat = "rss" | "atom" | "rdf" | "json" | "html";

export interface FeedItem {
  title: string;
  link: string | null;
  /** The item's own identifier (RSS guid, Atom id, JSON Feed id), when it gives one. */
  guid: string | null;
  published: Date | null;
  /** A date was given but could not be read, or lies outside years 1–9999: published is null. */
  badDate: boolean;
  summary: string;
  author: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** What the feed says its language is (`<language>`), if anything. */
  language: string | null;
  items: FeedItem[];
  /** True when the XML was broken (an unescaped &) and was repaired before parsing. */
  repaired: boolean;
}

/** Parses one decoded feed document; relative links are resolved against the feed's URL. */
export async function parseFeed(text: string, baseUrl: string | undefined): Promise<ParsedFeed> {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, baseUrl);
  const format = xmlFormat(trimmed);
  try {
    return { ...(await parseXml(trimmed, baseUrl)), format, repaired: false };
  } catch (first) {
    const repaired = repairAmpersands(trimmed);
    if (repaired !== trimmed) {
      try {
        return { ...(await parseXml(repaired, baseUrl)), format, repaired: true };
      } catch {
        // The repair did not help: report the original error, which names the real fault.
      }
    }
    const reason = first instanceof Error ? first.message.split("\n")[0] : String(first);
    throw new FetchError("parse", `not a feed: ${reason}`, null, { cause: first });
  }
}

function xmlFormat(text: string): FeedFormat {
  const head = text.slice(0, 4096);
  if (/<rdf:RDF[\s>]/i.test(head)) return "rdf";
  if (/<feed[\s>]/i.test(head)) return "atom";
  if (/<rss[\s>]/i.test(head)) return "rss";
  throw new FetchError(
    "parse",
    "not a feed: no <rss>, <feed> or <rdf:RDF> element, and not JSON Feed",
  );
}

/** A bare & that starts no entity is the commonest XML fault in real feeds. */
function repairAmpersands(text: string): string {
  return text.replace(/&(?!(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);)/g, "&amp;");
}

type RawItem = Parser.Item & { author?: string; "dc:creator"?: string; id?: string };

async function parseXml(text: string, baseUrl: string | undefined) {
  // A fresh parser per document: xml2js keeps state from a failed parse in a reused one.
  const parser: Parser<{ language?: string }, RawItem> = new Parser({
    customFields: { feed: ["language"] },
    // Real feeds write a bare <rss> with no version; it is RSS 2.0 in all but name.
    defaultRSS: 2,
  });
  const feed = await parser.parseString(text);
  return {
    title: plainText(feed.title, 300),
    language: typeof feed.language === "string" ? feed.language.trim() || null : null,
    items: feed.items.map((item) => toItem(item, baseUrl)).filter(hasContent),
  };
}

function toItem(item: RawItem, baseUrl: string | undefined): FeedItem {
  const given = item.pubDate ?? (item as { date?: unknown }).date;
  return {
    title: plainText(item.title, 500),
    link: resolveLink(item.link ?? item.guid ?? item.id, baseUrl),
    guid: identifier(item.guid ?? item.id),
    ...dated(given ?? item.isoDate),
    summary: plainText(item.contentSnippet ?? item.summary ?? item.content),
    author: plainText(item.creator ?? item.author ?? item["dc:creator"], 200) || null,
  };
}

/** An item is kept when it says something; one with no link is read where its feed is. */
const hasContent = (item: FeedItem) => item.title !== "" || item.summary !== "";

function identifier(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 500) : null;
}

/** The published date, or none and a note when one was given that cannot be stored. */
export function dated(value: unknown): Pick<FeedItem, "published" | "badDate"> {
  const published = parseDate(value);
  const given = typeof value === "string" && value.trim() !== "";
  return { published, badDate: given && published === null };
}

function parseJsonFeed(text: string, baseUrl: string | undefined): ParsedFeed {
  let doc: { version?: unknown; title?: unknown; language?: unknown; items?: unknown };
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FetchError("parse", `not a feed: invalid JSON (${(error as Error).message})`);
  }
  if (
    typeof doc.version !== "string" ||
    !doc.version.includes("jsonfeed.org") ||
    !Array.isArray(doc.items)
  ) {
    throw new FetchError("parse", "not a feed: JSON without a jsonfeed.org version and items");
  }
  const items = (doc.items as Record<string, unknown>[]).map((item) => ({
    title: plainText(item.title, 500),
    link: resolveLink(item.url ?? item.external_url, baseUrl),
    guid: identifier(typeof item.id === "number" ? String(item.id) : item.id),
    ...dated(item.date_published),
    summary: plainText(item.summary ?? item.content_text ?? item.content_html),
    author: plainText((item.author as { name?: unknown } | undefined)?.name, 200) || null,
  }));
  return {
    format: "json",
    title: plainText(doc.title, 300),
    language: typeof doc.language === "string" ? doc.language : null,
    items: items.filter(hasContent),
    repaired: false,
  };
}
