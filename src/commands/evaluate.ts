import { type Config, DEFAULTS } from "../config/index.js";
import { builtinEntriesBeside } from "../extract/builtins.js";
import { evaluateExtraction } from "../extract/extract-eval.js";
import { type GazetteerEntry, watchlistEntries } from "../extract/gazetteer.js";
import { Matcher } from "../extract/matcher.js";
import { evaluateLangid } from "../ingest/langid-eval.js";
import { readJsonl } from "../lib/jsonl.js";
import { createLogger } from "../lib/logger.js";
import { Embedder } from "../stories/embeddings.js";
import { STORY_SETTINGS } from "../stories/settings.js";
import type { Signals } from "../stories/signals.js";
import {
  evaluateStories,
  parsePairs,
  type StoryPair,
  sideSignals,
} from "../stories/stories-eval.js";

type EvalKind = "langid" | "extract" | "stories";

/** `wirewatch eval langid|extract|stories --data F [--json]`. */
export async function evaluateCommand(
  kind: EvalKind,
  data: string,
  json: boolean,
  config?: Config,
): Promise<void> {
  const lines = await readJsonl(data);
  if (kind === "stories") return evaluateStoriesCommand(lines, json, config);
  if (kind === "langid") {
    const report = evaluateLangid(lines, config?.languages ?? DEFAULTS.languages);
    if (json) return void console.log(JSON.stringify(report));
    console.log(`${report.n} texts, accuracy ${report.accuracy}`);
    for (const [lang, r] of Object.entries(report.byLang).sort()) {
      const confused = Object.entries(r.confusedWith)
        .map(([l, k]) => `${l} ${k}`)
        .join(", ");
      console.log(
        `  ${lang.padEnd(4)} n=${String(r.n).padStart(4)}  accuracy ${r.accuracy.toFixed(4)}${confused ? `  (taken for: ${confused})` : ""}`,
      );
    }
    return;
  }
  const matcher = matcherBeside(watchlistEntries(config?.watchlist ?? []));
  const report = evaluateExtraction(lines, matcher);
  if (json) return void console.log(JSON.stringify(report));
  const show = (s: { precision: number; recall: number; f1: number }) =>
    `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
  console.log(`${report.n} sentences, micro ${show(report.micro)}`);
  for (const [lang, r] of Object.entries(report.byLang).sort()) {
    console.log(`  ${lang} (n=${r.n}): micro ${show(r.micro)}`);
    for (const [type, s] of Object.entries(r.byType)) console.log(`    ${type}: ${show(s)}`);
  }
}

/**
 * Story pairs with the settings as shipped, offline; with a config that names an embeddings
 * endpoint, every side is embedded first and the cosine joins the score.
 */
async function evaluateStoriesCommand(lines: unknown[], json: boolean, config?: Config) {
  const pairs = parsePairs(lines);
  const matcher = matcherBeside(watchlistEntries(config?.watchlist ?? []));
  const signals = new Map<StoryPair["a"], Signals>();
  for (const p of pairs) for (const s of [p.a, p.b]) signals.set(s, sideSignals(s, matcher));
  const embeddings = config?.stories.embeddings;
  if (embeddings) {
    const sides = [...signals.keys()];
    const embedder = new Embedder(embeddings);
    const log = createLogger("warn");
    for (let i = 0; i < sides.length; i += 64) {
      const chunk = sides.slice(i, i + 64).map((s, j) => ({
        id: String(i + j),
        title: s.title,
        summary: s.text,
      }));
      const vectors = await embedder.embed(chunk, log);
      chunk.forEach((c, j) => {
        const side = sides[i + j];
        const found = side && signals.get(side);
        const vector = vectors.get(c.id);
        if (found && vector) found.embedding = vector;
      });
    }
  }
  const report = evaluateStories(pairs, (s) => signals.get(s) as Signals, STORY_SETTINGS);
  if (json) return void console.log(JSON.stringify(report));
  const show = (r: { n: number; precision: number; recall: number; f1: number }) =>
    `n=${String(r.n).padStart(4)}  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`;
  console.log(`${pairs.length} pairs, ${show(report)}`);
  for (const [key, r] of Object.entries(report.byPair))
    console.log(`  ${key.padEnd(6)} ${show(r)}`);
}

/** The matcher as the pipeline builds it: the watchlist, then the built-in entries beside it. */
const matcherBeside = (watched: GazetteerEntry[]) =>
  new Matcher([...watched, ...builtinEntriesBeside(watched)]);
