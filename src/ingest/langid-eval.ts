import { z } from "zod";
import { identifyLanguage } from "./language.js";

const item = z.object({ lang: z.string().min(1), text: z.string() });

export interface LangidReport {
  n: number;
  accuracy: number;
  byLang: Record<string, { n: number; accuracy: number; confusedWith: Record<string, number> }>;
}

/** Accuracy overall and per gold language, and what each was taken for, on labelled lines. */
export function evaluateLangid(
  lines: readonly unknown[],
  preferred: readonly string[],
): LangidReport {
  const byLang: LangidReport["byLang"] = {};
  let right = 0;
  lines.forEach((line, i) => {
    const parsed = item.safeParse(line);
    if (!parsed.success) throw new Error(`line ${i + 1}: expected {"lang": …, "text": …}`);
    const { lang, text } = parsed.data;
    const guess = identifyLanguage(text, null, preferred).language;
    const entry = byLang[lang] ?? { n: 0, accuracy: 0, confusedWith: {} };
    byLang[lang] = entry;
    entry.n++;
    if (guess === lang) {
      entry.accuracy++;
      right++;
    } else {
      entry.confusedWith[guess] = (entry.confusedWith[guess] ?? 0) + 1;
    }
  });
  for (const entry of Object.values(byLang)) entry.accuracy = ratio(entry.accuracy, entry.n);
  return { n: lines.length, accuracy: ratio(right, lines.length), byLang };
}

export const ratio = (a: number, b: number): number =>
  b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000;
