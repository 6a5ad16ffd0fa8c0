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
