import { z } from "zod";
import { ratio } from "../ingest/langid-eval.js";
import type { EntityType } from "../store/entities.js";
import { findEntities } from "./find-entities.js";
import type { Matcher } from "./matcher.js";

const span = z.object({
  start: z.number().int(),
  end: z.number().int(),
  type: z.enum(["LOC", "ORG", "PER"]),
});
const item = z.object({ lang: z.string().min(1), text: z.string(), entities: z.array(span) });

type Span = z.infer<typeof span>;
type Kind = Span["type"];

const KIND: Record<EntityType, Kind> = { place: "LOC", group: "ORG", org: "ORG", person: "PER" };

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

interface Counts {
  predicted: number;
  predictedRight: number;
  gold: number;
  goldFound: number;
}

export interface ExtractReport {
  n: number;
  micro: Score;
  byType: Record<string, Score>;
  byLang: Record<string, { n: number; micro: Score; byType: Record<string, Score> }>;
}

/**
 * Precision, recall and F1 of the gazetteer on labelled sentences; a predicted span is right
 * when it overlaps a gold span of the same type, and a gold span is found when one does.
 */
export function evaluateExtraction(lines: readonly unknown[], matcher: Matcher): ExtractReport {
  const all = new Map<string, Counts>();
  const perLang = new Map<string, { n: number; counts: Map<string, Counts> }>();
  lines.forEach((line, i) => {
    const parsed = item.safeParse(line);
    if (!parsed.success)
      throw new Error(
        `line ${i + 1}: expected {"lang", "text", "entities": [{"start", "end", "type"}]}`,
      );
    const { lang, text, entities } = parsed.data;
    const predicted: Span[] = findEntities(matcher, text, lang).map((m) => ({
      start: m.start,
      end: m.end,
      type: KIND[m.entity.type],
    }));
    const lang$ = perLang.get(lang) ?? { n: 0, counts: new Map() };
    lang$.n++;
    perLang.set(lang, lang$);
    for (const counts of [all, lang$.counts]) tally(counts, predicted, entities);
  });
  const report = (counts: Map<string, Counts>) => ({
    micro: score(sum([...counts.values()])),
    byType: Object.fromEntries(
      ["LOC", "ORG", "PER"].map((t) => [t, score(counts.get(t) ?? empty())]),
    ),
  });
  return {
    n: lines.length,
    ...report(all),
    byLang: Object.fromEntries(
      [...perLang].map(([lang, v]) => [lang, { n: v.n, ...report(v.counts) }]),
    ),
  };
}

const overlaps = (a: Span, b: Span) => a.type === b.type && a.start < b.end && b.start < a.end;
const empty = (): Counts => ({ predicted: 0, predictedRight: 0, gold: 0, goldFound: 0 });

function tally(counts: Map<string, Counts>, predicted: Span[], gold: Span[]): void {
  const at = (type: string) => {
    const c = counts.get(type) ?? empty();
    counts.set(type, c);
    return c;
  };
  for (const p of predicted) {
    const c = at(p.type);
    c.predicted++;
    if (gold.some((g) => overlaps(p, g))) c.predictedRight++;
  }
  for (const g of gold) {
    const c = at(g.type);
    c.gold++;
    if (predicted.some((p) => overlaps(p, g))) c.goldFound++;
  }
}

function sum(list: Counts[]): Counts {
  return list.reduce(
    (a, c) => ({
      predicted: a.predicted + c.predicted,
      predictedRight: a.predictedRight + c.predictedRight,
      gold: a.gold + c.gold,
      goldFound: a.goldFound + c.goldFound,
    }),
    empty(),
  );
}

function score(c: Counts): Score {
  const precision = c.predicted === 0 ? 0 : c.predictedRight / c.predicted;
  const recall = c.gold === 0 ? 0 : c.goldFound / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: ratio(precision, 1), recall: ratio(recall, 1), f1: ratio(f1, 1) };
}
