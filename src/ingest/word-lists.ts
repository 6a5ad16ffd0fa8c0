import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WORDS_FILE = fileURLToPath(new URL("../../assets/langid/words.json", import.meta.url));

let index: Map<string, string[]> | undefined;

/** Each frequent word with the languages (franc's codes) among whose 10,000 commonest it is. */
function wordIndex(): Map<string, string[]> {
  if (index) return index;
  const { lists } = JSON.parse(readFileSync(WORDS_FILE, "utf8")) as {
    lists: Record<string, string>;
  };
  index = new Map();
  for (const [code, words] of Object.entries(lists)) {
    for (const word of words.split(" ")) {
      const known = index.get(word);
      if (known) known.push(code);
      else index.set(word, [code]);
    }
  }
  return index;
}

/**
 * For each candidate language, how many of the text's words are frequent in it and in no other
 * candidate: "movement" is English's, «журнала» Russian's, "Charles" nobody's.
 */
export function ownWordCounts(words: readonly string[], candidates: readonly string[]) {
  const counts = new Map<string, number>();
  const index = wordIndex();
  for (const word of words) {
    // Short words are function words (weighed apart) or abbreviations («млн») subtitles lack.
    if (word.length < 4) continue;
    const languages = index.get(word)?.filter((code) => candidates.includes(code)) ?? [];
    const [only, other] = languages;
    if (only && !other) counts.set(only, (counts.get(only) ?? 0) + 1);
  }
  return counts;
}
