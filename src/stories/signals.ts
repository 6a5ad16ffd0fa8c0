/**
 * What an article says that does not depend on its language, for telling whether two articles
 * report one event: the entities it names, the numbers it gives, the consonant skeletons of its
 * names, and, where there is English (or both share a language), the weighted words of its text.
 */
import { ARABIC_LETTER, foldArabic } from "../extract/arabic.js";
import { foldLatin } from "../extract/latin.js";
import { NEWS_SOURCES } from "../extract/organisations.js";
import { CYRILLIC_LETTER } from "../extract/russian.js";
import { FUNCTION_WORD_INDEX } from "../ingest/function-words.js";
import { hasWordList, wordRank } from "../lib/common-words.js";
import { numbersIn } from "../lib/numbers.js";
import { perWord } from "../lib/per-word.js";
import { skeletons } from "./skeleton.js";

export interface StoryText {
  id: string;
  language: string;
  title: string;
  summary: string;
  body: string | null;
  titleEn: string | null;
  summaryEn: string | null;
  /** Entity ids the extractor found in it (gazetteer, watchlist, model). */
  entityIds: readonly string[];
  /** The words those entities were found as: counted as entities, not again as names. */
  entitySurfaces: readonly string[];
  /** Published, else first seen, in ms. */
  time: number;
}

export interface Signals {
  /** Entity id and its weight: a country says less about an event than a town or a group. */
  entities: Record<string, number>;
  numbers: string[];
  /** Consonant skeletons of the names it writes, cut to a common length. */
  names: string[];
  /** Unit-length weighted words, and the language they are in. */
  terms: Record<string, number>;
  termLanguage: string;
  time: number;
  embedding?: number[];
}

/** Enough of an article to know its event; the rest repeats or wanders. */
export const STORY_TEXT_CHARS = 3000;
const TERMS_KEPT = 60;
const NAME_KEY_LENGTH = 5;
const MIN_NAME_CONSONANTS = 3;

/** A country or a world region is named by many more articles than a town, a group or a person. */
function entityWeight(id: string): number {
  return id.startsWith("country:") || id.startsWith("region:") ? 1 : 2;
}

export function storySignals(article: StoryText): Signals {
  const original = [article.title, article.summary, article.body ?? ""]
    .join("\n")
    .slice(0, STORY_TEXT_CHARS);
  const english =
    article.language === "en"
      ? original
      : [article.titleEn, article.summaryEn].filter(Boolean).join("\n");
  const termLanguage = english ? "en" : article.language;
  return {
    entities: Object.fromEntries(
      article.entityIds.filter((id) => !NEWS_SOURCES.has(id)).map((id) => [id, entityWeight(id)]),
    ),
    numbers: numbersIn(original),
    names: nameKeys(original, article.language, article.entitySurfaces),
    // Words of the entities found are left to the entities: one shared city is counted once.
    terms: weightedTerms(
      english || original,
      termLanguage,
      english && article.language !== "en" ? [] : article.entitySurfaces,
    ),
    termLanguage,
    time: article.time,
  };
}

const WORD = /[\p{L}\p{M}\u200c]+/gu;
const SENTENCE_END = /[.!?:؟।\n«"“]\s*$/;

/**
 * Skeletons of the words that can be names: capitalised in Latin and Cyrillic (not a common
 * word opening a sentence), and in Arabic script, which has no capitals, any word that is not
 * among the language's commonest.
 */
function nameKeys(text: string, language: string, known: readonly string[] = []): string[] {
  const keys = new Set<string>();
  const skip = new Set(known.flatMap((surface) => surface.match(WORD) ?? []));
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (skip.has(word)) continue;
    const name = nameWord(`${language}:${word}`);
    if (!name) continue;
    if (name.common && opensSentence(text.slice(Math.max(0, match.index - 3), match.index))) {
      continue;
    }
    for (const key of name.keys) keys.add(key);
  }
  return [...keys];
}

interface NameWord {
  /** Among the language's commonest words: a name only where no sentence opens with it. */
  common: boolean;
  keys: readonly string[];
}

/** What a word (`language:word`) says as a name, or undefined when it cannot be one. */
const nameWord = perWord((key: string): NameWord | undefined => {
  const at = key.indexOf(":");
  const language = key.slice(0, at);
  const word = key.slice(at + 1);
  const common = nameCommonness(word, language);
  if (common === undefined) return undefined;
  const keys = new Set<string>();
  for (const skeleton of skeletons(word)) {
    if (skeleton.length >= MIN_NAME_CONSONANTS) keys.add(skeleton.slice(0, NAME_KEY_LENGTH));
  }
  return { common, keys: [...keys] };
});

/**
 * Undefined when the word is no name: a common word in Arabic script, which has no capitals, or
 * an uncapitalised or function word in Latin and Cyrillic. Else whether it is a common word.
 */
function nameCommonness(word: string, language: string): boolean | undefined {
  if (ARABIC_LETTER.test(word)) {
    const folded = foldArabic(word);
    const bare = folded.startsWith("ال") ? folded.slice(2) : folded;
    return isCommon(folded, language) || isCommon(bare, language) ? undefined : false;
  }
  if (!/^\p{Lu}/u.test(word)) return undefined;
  const lower = CYRILLIC_LETTER.test(word) ? word.toLowerCase() : foldLatin(word);
  if (FUNCTION_WORD_INDEX.has(lower)) return undefined;
  return isCommon(lower, language);
}

const opensSentence = (before: string) => before.trim() === "" || SENTENCE_END.test(before);

/** Among the language's commonest words (Arabic and Persian lists both serve Arabic script). */
function isCommon(folded: string, language: string): boolean {
  if (wordRank(language, folded) !== undefined) return true;
  return (
    ARABIC_LETTER.test(folded) && (wordRank("ar", folded) ?? wordRank("fa", folded)) !== undefined
  );
}

const UNKNOWN_RANK = 20_000;

/** A word's weight: the rarer in its language, the more it says (a rank's logarithm). */
function inverseFrequency(word: string, language: string): number {
  if (!hasWordList(language)) return 1;
  return Math.log(2 + (wordRank(language, word) ?? UNKNOWN_RANK) / 100);
}

const fold = perWord((w: string) => (ARABIC_LETTER.test(w) ? foldArabic(w) : foldLatin(w)));

/** Words weighted by how often the text says them and how rare they are, to unit length. */
function weightedTerms(
  text: string,
  language: string,
  leaveOut: readonly string[] = [],
): Record<string, number> {
  const skip = new Set(leaveOut.flatMap((surface) => surface.match(WORD) ?? []).map(fold));
  const counts = new Map<string, number>();
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (word.length < 3 || FUNCTION_WORD_INDEX.has(word) || skip.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const weighted = [...counts]
    .map(([word, n]) => [word, (1 + Math.log(n)) * inverseFrequency(word, language)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TERMS_KEPT);
  const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1;
  // Four decimals are more than a cosine needs, and a third of what the store keeps per member.
  return Object.fromEntries(
    weighted.map(([word, w]) => [word, Math.round((w / norm) * 1e4) / 1e4]),
  );
}
