/**
 * How likely two articles report one event, from 0 to 1: a logistic model over the signals
 * they share, lowered by the time between them.
 *
 *   entities  shared weight over the weight of both together, plus `smoothing`: a country weighs
 *             1, anything more specific 2, each divided by 1 + ln(the number of stories of the window
 *             that name it), so Iraq in a week of Iraq news says little
 *   names     shared consonant skeletons over the smaller set (plus `smoothing`)
 *   numbers   shared numbers over the smaller set (plus `smoothing`); and, apart, whether both
 *             give numbers and share none
 *   text      cosine of the weighted words, when both are in one language (English, or the same
 *             original language), or of the embeddings when an endpoint gives them
 *
 * Two sets of coefficients: one for articles that can be compared by text, one for those that
 * cannot (different languages, offline). With text, only the words and the entities weigh: by
 * cross-validation, names and numbers added nothing the words did not say. The coefficients are
 * fitted on one half of each development set and checked on the other
 * (scripts/tune-stories.ts; BENCHMARKS.md has both halves).
 */
import type { Signals } from "./signals.js";

export interface Coefficients {
  bias: number;
  entities: number;
  names: number;
  numbers: number;
  /** Both give numbers and share none: a casualty count or a date that disagrees. */
  numbersDiffer: number;
  text: number;
}

export interface StorySettings {
  /**
   * One model for two articles that can be compared by text (both English, one language, or
   * embeddings), one for two that cannot: names weigh differently when the words are there too.
   */
  coefficients: { withText: Coefficients; withoutText: Coefficients };
  /** A new article joins the best story scoring at least this; else it starts one. */
  threshold: number;
  /** And only when they share this many entities, names and numbers, or their text is alike. */
  minShared: number;
  /** Hours over which the score halves, past the first day between two articles. */
  halfLifeHours: number;
  smoothing: number;
}

export interface Features {
  entities: number;
  names: number;
  numbers: number;
  numbersDiffer: number;
  /** Undefined when the two cannot be compared by text. */
  text: number | undefined;
  shared: number;
}

// A member's lists are compared with every article of a batch: each made a set once.
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list);
    sets.set(list, set);
  }
  return set;
}

function overlap(a: readonly string[], b: readonly string[], smoothing: number) {
  if (a.length === 0 || b.length === 0) return { value: 0, shared: 0 };
  const other = setOf(b);
  let shared = 0;
  for (const x of a) if (other.has(x)) shared++;
  return { value: shared / (Math.min(a.length, b.length) + smoothing), shared };
}

/**
 * What an entity's weight is divided by: 1 + ln(how many stories of the window name it, the
 * story compared with among them). The more stories name it, the less naming it tells.
 */
export type Rarity = (entityId: string) => number;

export const rarityOf = (storiesNaming: number) => 1 + Math.log(Math.max(1, storiesNaming));

function entityOverlap(
  a: Record<string, number>,
  b: Record<string, number>,
  smoothing: number,
  rarity?: Rarity,
) {
  let shared = 0;
  let count = 0;
  let totalA = 0;
  let totalB = 0;
  // for…in, not Object.entries: this runs for every member of every candidate story.
  for (const id in a) {
    const w = (a[id] as number) / (rarity?.(id) ?? 1);
    totalA += w;
    if (b[id] !== undefined) {
      shared += w;
      count++;
    }
  }
  for (const id in b) totalB += (b[id] as number) / (rarity?.(id) ?? 1);
  if (totalA === 0 || totalB === 0) return { value: 0, shared: 0 };
  return { value: shared / (totalA + totalB - shared + smoothing), shared: count };
}

// A member's words are compared with every article of a batch: each read into a map once.
const termMaps = new WeakMap<Record<string, number>, ReadonlyMap<string, number>>();

function termMap(terms: Record<string, number>): ReadonlyMap<string, number> {
  let map = termMaps.get(terms);
  if (!map) {
    map = new Map(Object.entries(terms));
    termMaps.set(terms, map);
  }
  return map;
}

/** Both are unit length: the dot product over the smaller one's words. */
export function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let small = termMap(a);
  let large = termMap(b);
  if (small.size > large.size) [small, large] = [large, small];
  let dot = 0;
  for (const [word, w] of small) dot += w * (large.get(word) ?? 0);
  return dot;
}

function vectorCosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

// Unrelated texts already have an embedding cosine of 0.3–0.5 in multilingual models: what lies
// above this floor is stretched to 0–1 so it reads like a word-weight cosine.
const EMBEDDING_FLOOR = 0.5;

function textSimilarity(a: Signals, b: Signals): number | undefined {
  const words = a.termLanguage === b.termLanguage ? cosine(a.terms, b.terms) : undefined;
  if (!a.embedding || !b.embedding || a.embedding.length !== b.embedding.length) return words;
  const stretched = Math.max(
    0,
    (vectorCosine(a.embedding, b.embedding) - EMBEDDING_FLOOR) / (1 - EMBEDDING_FLOOR),
  );
  return Math.max(words ?? 0, stretched);
}

export function features(a: Signals, b: Signals, smoothing: number, rarity?: Rarity): Features {
  const entities = entityOverlap(a.entities, b.entities, smoothing, rarity);
  const names = overlap(a.names, b.names, smoothing);
  const numbers = overlap(a.numbers, b.numbers, smoothing);
  return {
    entities: Math.min(1, entities.value),
    names: Math.min(1, names.value),
    numbers: Math.min(1, numbers.value),
    numbersDiffer: a.numbers.length > 0 && b.numbers.length > 0 && numbers.shared === 0 ? 1 : 0,
    text: textSimilarity(a, b),
    shared: entities.shared + names.shared + numbers.shared,
  };
}

/** The logistic model's probability that the two report one event, before time. */
export function probability(f: Features, models: StorySettings["coefficients"]): number {
  const c = f.text === undefined ? models.withoutText : models.withText;
  const z =
    c.bias +
    c.entities * f.entities +
    c.names * f.names +
    c.numbers * f.numbers +
    c.numbersDiffer * f.numbersDiffer +
    c.text * (f.text ?? 0);
  return 1 / (1 + Math.exp(-z));
}

// Text this alike counts as evidence even with nothing else shared.
const TEXT_ALIKE = 0.3;

export function pairScore(
  a: Signals,
  b: Signals,
  settings: StorySettings,
  rarity?: Rarity,
): number {
  const f = features(a, b, settings.smoothing, rarity);
  const evidence = f.shared >= settings.minShared || (f.text ?? 0) >= TEXT_ALIKE;
  if (!evidence) return 0;
  return probability(f, settings.coefficients) * decay(a.time, b.time, settings.halfLifeHours);
}

const DAY_MS = 86_400_000;

/** 1 within a day of each other, then halving every `halfLifeHours`. */
function decay(t1: number, t2: number, halfLifeHours: number): number {
  const past = Math.max(0, Math.abs(t1 - t2) - DAY_MS);
  return 0.5 ** (past / (halfLifeHours * 3_600_000));
}
