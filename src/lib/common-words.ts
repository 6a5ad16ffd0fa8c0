import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WORDS_FILE = fileURLToPath(new URL("../../assets/stories/words.json", import.meta.url));

let ranks: Map<string, Map<string, number>> | undefined;

/** Each language's frequent words (folded) with their rank, 1 the commonest; read once. */
function allRanks(): Map<string, Map<string, number>> {
  if (ranks) return ranks;
  const { lists } = JSON.parse(readFileSync(WORDS_FILE, "utf8")) as {
    lists: Record<string, string>;
  };
  ranks = new Map(
    Object.entries(lists).map(([language, words]) => [
      language,
      new Map(words.split(" ").map((w, i) => [w, i + 1])),
    ]),
  );
  return ranks;
}

/** Where a folded word stands among its language's commonest, or undefined when it is not among them. */
export function wordRank(language: string, folded: string): number | undefined {
  return allRanks().get(language)?.get(folded);
}

/** Whether the language has a frequency list (else every word weighs alike). */
export const hasWordList = (language: string): boolean => allRanks().has(language);
