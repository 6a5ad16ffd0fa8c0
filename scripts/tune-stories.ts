/**
 * Chooses the story settings the way the project's quality rules ask: each development set is
 * split in two halves by document (the a side's article), weights and threshold are chosen on
 * the first half only, and both halves are reported. Run:
 *   npx tsx scripts/tune-stories.ts ../shared/corpus/stories.dev.jsonl ../shared/corpus/stories.xling.dev.jsonl
 */
import { createHash } from "node:crypto";
import { builtinEntries } from "../src/extract/builtins.js";
import { Matcher } from "../src/extract/matcher.js";
import { readJsonl } from "../src/lib/jsonl.js";
import {
  type Coefficients,
  features,
  pairScore,
  type StorySettings,
} from "../src/stories/score.js";
import { STORY_SETTINGS } from "../src/stories/settings.js";
import type { Signals } from "../src/stories/signals.js";
import {
  countPairs,
  parsePairs,
  type StoryPair,
  sideSignals,
} from "../src/stories/stories-eval.js";
import { indexKeys } from "../src/stories/story-index.js";

interface Case {
  set: string;
  key: string;
  half: 0 | 1;
  gold: boolean;
  a: Signals;
  b: Signals;
  /** Whether a and b share an index key at all (else b can never find a's story). */
  found: boolean;
}

/** The a side's document: the part of the pair id that names it. */
function documentOf(p: StoryPair): string {
  const id = p.id ?? p.a.title + p.a.text.slice(0, 80);
  return id.startsWith("ntrex:") ? (id.split(":")[1] ?? id) : (id.split("_")[0] ?? id);
}

const half = (doc: string): 0 | 1 =>
  ((createHash("sha256").update(doc).digest()[0] ?? 0) % 2) as 0 | 1;

const matcher = new Matcher(builtinEntries());
const cases: Case[] = [];
for (const file of process.argv.slice(2)) {
  const set = file.includes("xling") ? "xling" : "semeval";
  for (const p of parsePairs(await readJsonl(file))) {
    const a = sideSignals(p.a, matcher);
    const b = sideSignals(p.b, matcher);
    const keys = new Set(indexKeys(a));
    cases.push({
      set,
      key: `${p.a.lang}-${p.b.lang}`,
      half: half(documentOf(p)),
      gold: p.same,
      a,
      b,
      found: indexKeys(b).some((k) => keys.has(k)),
    });
  }
}

function groups(h: 0 | 1): Map<string, Case[]> {
  const out = new Map<string, Case[]>();
  for (const c of cases.filter((x) => x.half === h)) {
    const name = c.set === "xling" ? c.key : "semeval";
    out.set(name, [...(out.get(name) ?? []), c]);
  }
  return out;
}

function f1s(h: 0 | 1, settings: StorySettings) {
  const out: Record<string, ReturnType<typeof countPairs>> = {};
  for (const [name, list] of groups(h)) {
    out[name] = countPairs(
      list.map((c) => ({
        gold: c.gold,
        predicted: c.found && pairScore(c.b, c.a, settings) >= settings.threshold,
      })),
    );
  }
  return out;
}

/**
 * Logistic regression by gradient descent, each group (language pair, SemEval) weighing the
 * same and each class within it too, with a little L2 so a few pairs cannot pull far.
 */
function fitLogistic(h: 0 | 1, smoothing: number, withText: boolean): Coefficients {
  const rows: { x: number[]; y: number; w: number }[] = [];
  for (const all of groups(h).values()) {
    const list = all.filter((c) => (features(c.b, c.a, smoothing).text !== undefined) === withText);
    const positives = list.filter((c) => c.gold).length;
    for (const c of list) {
      const f = features(c.b, c.a, smoothing);
      const w = 1 / (c.gold ? positives : list.length - positives) / 2;
      rows.push({
        x: [1, f.entities, f.names, f.numbers, f.numbersDiffer, f.text ?? 0],
        y: c.gold ? 1 : 0,
        w,
      });
    }
  }
  const beta = [0, 0, 0, 0, 0, 0];
  const total = rows.reduce((n, r) => n + r.w, 0);
  for (let step = 0; step < 20_000; step++) {
    const grad = beta.map((b, i) => (i === 0 ? 0 : 0.002 * b));
    for (const r of rows) {
      const z = r.x.reduce((n, x, i) => n + x * (beta[i] ?? 0), 0);
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      r.x.forEach((x, i) => {
        grad[i] = (grad[i] ?? 0) + (r.w * err * x) / total;
      });
    }
    beta.forEach((b, i) => {
      beta[i] = b - 2 * (grad[i] ?? 0);
    });
  }
  const [bias, entities, names, numbers, numbersDiffer, text] = beta.map(
    (b) => Math.round(b * 100) / 100,
  );
  return {
    bias: bias ?? 0,
    entities: entities ?? 0,
    names: names ?? 0,
    numbers: numbers ?? 0,
    numbersDiffer: numbersDiffer ?? 0,
    text: text ?? 0,
  };
}

// The worst group counts twice: a setting good on average and poor on one language pair loses.
const objective = (r: Record<string, { f1: number }>) => {
  const values = Object.values(r).map((x) => x.f1);
  return values.reduce((a, b) => a + b, 0) / values.length + Math.min(...values);
};

let best = { settings: STORY_SETTINGS, value: -1 };
// Smoothing is fixed at 2, not fitted: reports in feeds are a title and a sentence, far shorter
// than the dev sets' texts, and a smaller constant lets one shared city and its country decide.
const smoothing = 2;
const coefficients = {
  withText: fitLogistic(0, smoothing, true),
  withoutText: fitLogistic(0, smoothing, false),
};
for (const minShared of [1, 2, 3])
  for (let t = 0.2; t <= 0.8; t += 0.025) {
    const settings = {
      ...STORY_SETTINGS,
      coefficients,
      smoothing,
      minShared,
      threshold: Math.round(t * 1000) / 1000,
    };
    const value = objective(f1s(0, settings));
    if (value > best.value) best = { settings, value };
  }

const show = (settings: StorySettings, label: string) => {
  console.log(label);
  for (const h of [0, 1] as const)
    for (const [name, r] of Object.entries(f1s(h, settings)))
      console.log(
        `  ${h === 0 ? "A (fitted on)" : "B (held back)"} ${name.padEnd(8)} n=${String(r.n).padStart(3)}  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`,
      );
};
console.log(JSON.stringify(best.settings));
show(best.settings, "fitted on half A:");
show(STORY_SETTINGS, "shipped settings:");
