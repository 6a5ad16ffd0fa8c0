import { z } from "zod";
import type { Matcher } from "../extract/matcher.js";
import { ratio } from "../ingest/langid-eval.js";
import type { StorySettings } from "./score.js";
import { type Signals, storySignals } from "./signals.js";
import { StoryIndex } from "./story-index.js";

const side = z.object({
  lang: z.string().min(1),
  title: z.string().default(""),
  text: z.string().default(""),
});
const pair = z.object({ id: z.string().optional(), a: side, b: side, same: z.boolean() });
export type StoryPair = z.infer<typeof pair>;

export interface PairCounts {
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface StoriesReport extends PairCounts {
  byPair: Record<string, PairCounts>;
}

/** Parses labelled pairs, naming the line of the first that does not fit. */
export function parsePairs(lines: readonly unknown[]): StoryPair[] {
  return lines.map((line, i) => {
    const parsed = pair.safeParse(line);
    if (!parsed.success)
      throw new Error(
        `line ${i + 1}: expected {"a": {"lang", "title", "text"}, "b": …, "same": true|false}`,
      );
    return parsed.data;
  });
}

/**
 * One side of a pair as the pipeline would see it on arrival: language as labelled, entities
 * from the gazetteer, no translation (offline) unless `english` supplies one.
 */
export function sideSignals(
  s: StoryPair["a"],
  matcher: Matcher,
  english?: { titleEn: string | null; summaryEn: string | null },
): Signals {
  const text = `${s.title}\n${s.text}`;
  const matches = matcher.match(text);
  return storySignals({
    id: "",
    language: s.lang,
    title: s.title,
    summary: s.text,
    body: null,
    titleEn: english?.titleEn ?? null,
    summaryEn: english?.summaryEn ?? null,
    entityIds: [...new Set(matches.map((m) => m.entity.id))],
    entitySurfaces: matches.map((m) => m.surface),
    time: 0,
  });
}

/** Whether b joins a's story when a goes into an empty index first. */
function predictSame(a: Signals, b: Signals, settings: StorySettings): boolean {
  const index = new StoryIndex(settings);
  const first = index.add("a", a);
  return index.add("b", b).storyId === first.storyId;
}

export function countPairs(outcomes: readonly { gold: boolean; predicted: boolean }[]): PairCounts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of outcomes) {
    if (predicted && gold) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { n: outcomes.length, precision, recall, f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

/** Precision, recall and F1 of "same story" overall and per language pair (a.lang-b.lang). */
export function evaluateStories(
  pairs: readonly StoryPair[],
  signals: (s: StoryPair["a"]) => Signals,
  settings: StorySettings,
): StoriesReport {
  const outcomes = pairs.map((p) => ({
    key: `${p.a.lang}-${p.b.lang}`,
    gold: p.same,
    predicted: predictSame(signals(p.a), signals(p.b), settings),
  }));
  const byPair: Record<string, PairCounts> = {};
  for (const key of [...new Set(outcomes.map((o) => o.key))].sort()) {
    byPair[key] = countPairs(outcomes.filter((o) => o.key === key));
  }
  return { ...countPairs(outcomes), byPair };
}
