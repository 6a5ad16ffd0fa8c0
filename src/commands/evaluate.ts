import { type Config, DEFAULTS } from "../config/index.js";
import { evaluateExtraction } from "../extract/extract-eval.js";
import { loadPlaces, watchlistEntries } from "../extract/gazetteer.js";
import { Matcher } from "../extract/matcher.js";
import { evaluateLangid } from "../ingest/langid-eval.js";
import { readJsonl } from "../lib/jsonl.js";

/** `wirewatch eval langid|extract --data F [--json]`. */
export async function evaluateCommand(
  kind: "langid" | "extract",
  data: string,
  json: boolean,
  config?: Config,
): Promise<void> {
  const lines = await readJsonl(data);
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
  const matcher = new Matcher([...watchlistEntries(config?.watchlist ?? []), ...loadPlaces()]);
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
