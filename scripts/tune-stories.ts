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
  probability,
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
  /** A tenth of the documents, for choosing the with-text model's features by cross-validation. */
  fold: number;
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

const hashByte = (text: string) => createHash("sha256").update(text).digest()[0] ?? 0;
const half = (doc: string): 0 | 1 => (hashByte(doc) % 2) as 0 | 1;

const FOLDS = 10;
// Smoothing is fixed at 2, not fitted: reports in feeds are a title and a sentence, far shorter
// than the dev sets' texts, and a smaller constant lets one shared city and its country decide.
const SMOOTHING = 2;
const WITH_TEXT_CANDIDATES: readonly (readonly Feature[])[] = [
  ["text"],
  ["entities", "text"],
  ["entities", "names", "text"],
  ["entities", "numbers", "text"],
  ["entities", "numbersDiffer", "text"],
  ["entities", "names", "numbers", "numbersDiffer", "text"],
];
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
      fold: hashByte(`fold:${documentOf(p)}`) % FOLDS,
      gold: p.same,
      a,
      b,
      found: indexKeys(b).some((k) => keys.has(k)),
    });
  }
}

function byGroup(list: readonly Case[]): Map<string, Case[]> {
  const out = new Map<string, Case[]>();
  for (const c of list) {
    const name = c.set === "xling" ? c.key : "semeval";
    out.set(name, [...(out.get(name) ?? []), c]);
  }
  return out;
}

function f1s(h: 0 | 1, settings: StorySettings) {
  const out: Record<string, ReturnType<typeof countPairs>> = {};
  for (const [name, list] of byGroup(cases.filter((c) => c.half === h))) {
    out[name] = countPairs(
      list.map((c) => ({
        gold: c.gold,
        predicted: c.found && pairScore(c.b, c.a, settings) >= settings.threshold,
      })),
    );
  }
  return out;
}

type Feature = Exclude<keyof Coefficients, "bias">;
type Model = "withText" | "withoutText";

/**
 * The features each model weighs. With text, the words and the entities only: chosen by
 * ten-fold cross-validation by document over both halves of the SemEval pairs (printed below,
 * the area under the ROC curve of each set of features), where names and numbers lowered it: two
 * articles in one language that share words already share their names, and their numbers (ages,
 * years, scores) disagree as often between reports of one event as of two.
 */
const MODEL_FEATURES: Record<Model, readonly Feature[]> = {
  withText: ["entities", "text"],
  withoutText: ["entities", "names", "numbers", "numbersDiffer"],
};

const comparableByText = (c: Case) => features(c.b, c.a, SMOOTHING).text !== undefined;

/**
 * Logistic regression by gradient descent over the given features, each group (language
 * pair, SemEval) weighing the same and each class within it too, with a little L2 so a few
 * pairs cannot pull far. A feature not given gets 0.
 */
function fitLogistic(list: readonly Case[], used: readonly Feature[]): Coefficients {
  const rows: { x: number[]; y: number; w: number }[] = [];
  for (const group of byGroup(list).values()) {
    const positives = group.filter((c) => c.gold).length;
    for (const c of group) {
      const f = features(c.b, c.a, SMOOTHING);
      const value = (name: Feature) => (name === "text" ? (f.text ?? 0) : f[name]);
      const w = 1 / (c.gold ? positives : group.length - positives) / 2;
      rows.push({ x: [1, ...used.map(value)], y: c.gold ? 1 : 0, w });
    }
  }
  const beta = [0, ...used.map(() => 0)];
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
  const rounded = beta.map((b) => Math.round(b * 100) / 100);
  const coefficients: Coefficients = {
    bias: rounded[0] ?? 0,
    entities: 0,
    names: 0,
    numbers: 0,
    numbersDiffer: 0,
    text: 0,
  };
  used.forEach((name, i) => {
    coefficients[name] = rounded[i + 1] ?? 0;
  });
  return coefficients;
}

const fitModel = (h: 0 | 1, model: Model) =>
  fitLogistic(
    cases.filter((c) => c.half === h && comparableByText(c) === (model === "withText")),
    MODEL_FEATURES[model],
  );

/** How often a same-event pair outscores a different-event pair (the ROC curve's area). */
function rankingArea(scored: readonly { score: number; gold: boolean }[]): number {
  const positives = scored.filter((s) => s.gold);
  const negatives = scored.filter((s) => !s.gold);
  let wins = 0;
  for (const p of positives)
    for (const n of negatives) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** Each fold scored by the with-text model fitted on the other nine, over both halves. */
function crossValidated(used: readonly Feature[]): number {
  const list = cases.filter(comparableByText);
  const scored: { score: number; gold: boolean }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const coefficients = fitLogistic(
      list.filter((c) => c.fold !== k),
      used,
    );
    const models = { withText: coefficients, withoutText: coefficients };
    for (const c of list.filter((x) => x.fold === k))
      scored.push({ score: probability(features(c.b, c.a, SMOOTHING), models), gold: c.gold });
  }
  return rankingArea(scored);
}

// The worst group counts twice: a setting good on average and poor on one language pair loses.
const objective = (r: Record<string, { f1: number }>) => {
  const values = Object.values(r).map((x) => x.f1);
  return values.reduce((a, b) => a + b, 0) / values.length + Math.min(...values);
};

console.log("with-text features, ten-fold cross-validation by document (ROC area):");
for (const used of WITH_TEXT_CANDIDATES)
  console.log(`  ${used.join(" + ").padEnd(48)} ${crossValidated(used).toFixed(3)}`);

// The model without text is refitted or kept as shipped, whichever half A prefers: a refit no
// better on the half it was fitted on has nothing to show for the change. The threshold is the
// logistic models' own 0.5 (each fitted with both classes weighing the same), not searched: half
// A preferred 0.45, where the demo's reports, a title and a sentence each, far shorter than these
// texts, merged three pairs of events (gas exports with a security meeting, among them).
const withText = fitModel(0, "withText");
let best = { settings: STORY_SETTINGS, value: -1 };
for (const withoutText of [STORY_SETTINGS.coefficients.withoutText, fitModel(0, "withoutText")])
  for (const minShared of [1, 2, 3]) {
    const settings = {
      ...STORY_SETTINGS,
      coefficients: { withText, withoutText },
      smoothing: SMOOTHING,
      minShared,
      threshold: 0.5,
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
show(best.settings, "chosen on half A:");
show(STORY_SETTINGS, "shipped settings:");
