import { identifyLanguage } from "../ingest/language.js";
import { languageName } from "../ingest/language-codes.js";
import { numbersIn } from "../lib/numbers.js";

const flat = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Why an English title a model gave cannot be kept, or undefined when it can: the source sent
 * back as its own translation, a title not in English, or numbers the source gives missing from
 * it (numbers survive translation: a title without them is another article's, its ids swapped).
 */
export function suspicious(
  source: { title: string; language: string },
  english: string,
): string | undefined {
  if (flat(english) === flat(source.title)) return "the model sent the original title back";
  const notEnglish = notEnglishBecause(source.language, english);
  if (notEnglish) return notEnglish;
  const given = new Set(numbersIn(english));
  const lost = numbersIn(source.title).filter((n) => !given.has(n));
  if (lost.length > 0)
    return `the model's title lacks the source's numbers (${lost.join(", ")}): another article's?`;
  return undefined;
}

const NON_LATIN = /[\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Han}]/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * English is written in Latin letters, so a title mostly in another script is not English. In
 * Latin letters, only the source's own language is refused, and only when the identifier is
 * sure: a short English title full of names can look like anything else, and refusing a good
 * title costs a request and a headline.
 */
function notEnglishBecause(sourceLanguage: string, english: string): string | undefined {
  const other = english.match(NON_LATIN)?.length ?? 0;
  const latin = english.match(LATIN)?.length ?? 0;
  if (other > latin) return "the model's title is not in English (not in Latin letters)";
  if (sourceLanguage === "en") return undefined;
  const guess = identifyLanguage(english);
  if (guess.language === sourceLanguage && guess.confidence >= 0.9)
    return `the model's title is in ${languageName(sourceLanguage)}, not English`;
  return undefined;
}
