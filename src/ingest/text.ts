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
  text = text.replace(/\s+/g, " ").trim();
  return text.length > maxLength ? cutAtWord(text, maxLength) : text;
}

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

export function parseDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time);
}
