import { load } from "cheerio";

/** Plain text from a feed field that may hold HTML or entities; scripts and styles are dropped. */
export function plainText(value: unknown, maxLength = 4000): string {
  if (typeof value !== "string") return "";
  let text = value;
  if (/[<&]/.test(text)) {
    const $ = load(`<body>${text}</body>`);
    $("script, style, noscript").remove();
    text = $("body").text();
  }
  text = cleanText(text).replace(/\s+/g, " ").trim();
  return text.length > maxLength ? cutAtWord(text, maxLength) : text;
}

// C0 and C1 controls (a terminal escape starts with one) but tab and line breaks; the bidi
// embeddings, overrides and isolates that reorder what a reader sees. ZWNJ and ZWJ stay:
// Persian and Arabic spell with them.
const UNSAFE = /[^\P{Cc}\t\n\r]|[\u202a-\u202e\u2066-\u2069]/gu;

/** Text from the web without what could hide or disguise it on a terminal or a page. */
export const cleanText = (text: string): string => text.replace(UNSAFE, "");

/** Cuts at a word boundary so no word is left half. */
export function cutAtWord(text: string, maxLength: number): string {
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return `${space > maxLength * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * An absolute http(s) link, resolved against the page or feed it came from; null otherwise.
 * Without a base (a feed read from a file), a relative link is kept as written.
 */
export function resolveLink(link: unknown, baseUrl: string | undefined): string | null {
  if (typeof link !== "string" || link.trim() === "") return null;
  if (baseUrl === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(link.trim())) return link.trim();
  try {
    const url = new URL(link.trim(), baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A date the store can hold: years 1 to 9999, else null (PostgreSQL refuses year 0 and beyond). */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 ? date : null;
}
