import { type CheerioAPI, load } from "cheerio";
import { cleanText } from "./text.js";

const NOISE =
  "script, style, noscript, nav, header, footer, aside, form, iframe, figure, .share, .related, .comments";
const MIN_LENGTH = 200;

/**
 * The main text of an article page: the operator's selector when there is one, else the
 * element holding the most paragraph text (a readability-style guess). Null when neither gives
 * enough text to be an article.
 */
export function extractMainText(html: string, selector?: string): string | null {
  const $ = load(html);
  $(NOISE).remove();
  const found = selector ? joinParagraphs($, $(selector).toArray()) : densest($);
  const text = found && cleanText(found);
  return text && text.length >= MIN_LENGTH ? text : null;
}

function densest($: CheerioAPI): string | null {
  const scores = new Map<unknown, { element: Parameters<CheerioAPI>[0]; length: number }>();
  $("p").each((_, p) => {
    const parent = $(p).parent().get(0);
    if (!parent) return;
    const length = $(p).text().trim().length;
    const entry = scores.get(parent) ?? { element: parent, length: 0 };
    entry.length += length;
    scores.set(parent, entry);
  });
  const best = [...scores.values()].sort((a, b) => b.length - a.length)[0];
  if (!best) return null;
  return $(best.element as never)
    .children("p")
    .toArray()
    .map((p) => $(p).text().replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

function joinParagraphs($: CheerioAPI, elements: unknown[]): string {
  return elements
    .map((element) => {
      const paragraphs = $(element as never).find("p");
      const parts =
        paragraphs.length > 0
          ? paragraphs.toArray().map((p) => $(p).text())
          : [$(element as never).text()];
      return parts
        .map((t) => t.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n\n");
    })
    .filter(Boolean)
    .join("\n\n");
}
