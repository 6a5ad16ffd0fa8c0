/**
 * Search keys: every word of a text filed under the keys the extractor would match it by, so
 * that a search finds a word whatever its clitics, case ending, accents or Persian letters:
 * داعش finds لداعش and بداعش, Мосул finds Мосуле and Мосулом, Etat finds l'État.
 */

import { perWord } from "../lib/per-word.js";
import { ARABIC_LETTER, arabicVariants, foldArabic } from "./arabic.js";
import { latinVariants } from "./latin.js";
import { tokenize } from "./normalize.js";
import { CYRILLIC_LETTER, russianLower } from "./russian.js";

// Case and number endings of Russian nouns and adjectives, longest first; a stem keeps three
// letters at least, so short words are left whole.
const RUSSIAN_ENDINGS = [
  "иями",
  "ями",
  "ами",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "иях",
  "ах",
  "ях",
  "ам",
  "ям",
  "ом",
  "ем",
  "ой",
  "ей",
  "ов",
  "ев",
  "ию",
  "ия",
  "ии",
  "ые",
  "ие",
  "ый",
  "ий",
  "ая",
  "яя",
  "ую",
  "юю",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "и",
  "ы",
  "о",
  "ь",
];
const MIN_STEM = 3;

export function russianStem(word: string): string {
  for (const ending of RUSSIAN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM)
      return word.slice(0, -ending.length);
  }
  return word;
}

// A key is a lexeme as PostgreSQL's parser reads it: letters and digits only.
const LEXEME = /^[\p{L}\p{N}\p{M}]+$/u;

/** The keys one word is filed under and searched by. */
export const searchKeys = perWord(keysOf);

function keysOf(word: string): string[] {
  let keys: string[];
  if (ARABIC_LETTER.test(word)) {
    const folded = foldArabic(word);
    keys = [folded, ...arabicVariants(folded)];
  } else if (CYRILLIC_LETTER.test(word)) {
    const lower = russianLower(word);
    keys = [lower, russianStem(lower)];
  } else keys = latinVariants(word);
  return [...new Set(keys)].filter((k) => LEXEME.test(k));
}

/** A text as the words PostgreSQL indexes (to_tsvector('simple', …)). */
export function searchDocument(texts: readonly (string | null | undefined)[]): string {
  const keys = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of tokenize(text)) for (const key of searchKeys(token.text)) keys.add(key);
  }
  return [...keys].join(" ");
}

/** Words of a query looked at; the rest are dropped. */
export const QUERY_WORDS = 12;

/**
 * A query as a tsquery (to_tsquery('simple', …)): each word one of its keys, every word. Made
 * from our own keys, which hold letters and digits only, so no operator a user types reaches
 * PostgreSQL. Undefined when the query has no word.
 */
export function searchQuery(q: string): string | undefined {
  const words = tokenize(q)
    .slice(0, QUERY_WORDS)
    .map((t) => searchKeys(t.text))
    .filter((keys) => keys.length > 0);
  if (words.length === 0) return undefined;
  return words.map((keys) => `(${keys.map((k) => `'${k}'`).join(" | ")})`).join(" & ");
}
