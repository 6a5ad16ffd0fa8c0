/**
 * Match keys. A gazetteer name is filed under one sequence of token keys, or, in Russian, one
 * per case; a token of running text has several candidate keys (with Arabic clitics and the
 * article, Persian suffixes, French elision taken off), and matches a name token when one of
 * them is that token's key. The same rules serve every language of a script, so a mislabelled
 * language does not stop a match.
 */

import { perWord } from "../lib/per-word.js";
import { ARABIC_LETTER, arabicVariants, foldArabic, withoutArticle } from "./arabic.js";
import { foldLatin, latinVariants } from "./latin.js";
import { CYRILLIC_LETTER, russianCases, russianExtraForms, russianLower } from "./russian.js";

export { foldArabic } from "./arabic.js";
export { foldLatin } from "./latin.js";

/** The key of one token of a name, in its dictionary form. */
export function nameKey(token: string): string {
  if (ARABIC_LETTER.test(token)) return withoutArticle(foldArabic(token));
  if (CYRILLIC_LETTER.test(token)) return russianLower(token);
  return foldLatin(token);
}

/** Every sequence of token keys a name is filed under. */
export function nameKeySequences(name: string): string[][] {
  const tokens = tokenize(name);
  if (tokens.length === 0) return [];
  if (!tokens.some((t) => CYRILLIC_LETTER.test(t.text)))
    return [tokens.map((t) => nameKey(t.text))];
  // «Санкт-Петербург», «Ростов-на-Дону»: what stands before a hyphen keeps its form.
  const declines = tokens.map(
    (t) => CYRILLIC_LETTER.test(t.text) && t.text.length >= 3 && name[t.end] !== "-",
  );
  const sequences = new Map<string, string[]>();
  const add = (keys: string[]) => sequences.set(keys.join(" "), keys);
  const feminine = tokens.some((t) => /(?:ая|яя)$/.test(russianLower(t.text)));
  const cases = tokens.map((t, i) => (declines[i] ? russianCases(t.text, feminine) : undefined));
  for (let c = 0; c < 6; c++) {
    add(tokens.map((t, i) => cases[i]?.[c] ?? nameKey(t.text)));
  }
  if (tokens.length === 1 && declines[0]) {
    for (const form of russianExtraForms(tokens[0]?.text ?? "")) add([form]);
  }
  return [...sequences.values()];
}

/** Every key a token of running text might be filed under; shared between calls, not to change. */
export const textKeys = perWord((token: string): readonly string[] => {
  if (ARABIC_LETTER.test(token)) return arabicVariants(foldArabic(token));
  if (CYRILLIC_LETTER.test(token)) return [russianLower(token)];
  return latinVariants(token);
});

/** A Persian text's token: the same keys but those a proclitic was taken from. */
export const persianTextKeys = perWord((token: string): readonly string[] =>
  ARABIC_LETTER.test(token) ? arabicVariants(foldArabic(token), false) : textKeys(token),
);

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters, digits, combining marks, ZWNJ, and apostrophes inside a word (l'Irak, Iraq's).
const TOKEN = /[\p{L}\p{N}\p{M}\u200c]+(?:['’][\p{L}\p{M}]+)*(?:\.(?=\p{Lu}\.))?/gu;

/** Words with their UTF-16 offsets in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
