import { builtinEntries } from "../src/extract/builtins.js";
import { findEntities } from "../src/extract/find-entities.js";
import { Matcher } from "../src/extract/matcher.js";
import { identifyLanguage } from "../src/ingest/language.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { generateFeeds } from "./corpus.js";

/**
 * Texts in the five languages from the bench corpus, each cut or joined (with others of its
 * language) to about `length` characters.
 */
export async function texts(length: number): Promise<{ text: string; language: string }[]> {
  const all: { text: string; language: string }[] = [];
  for (const feed of generateFeeds(10, 40)) {
    const read = await readFeed(feed.body, null, "https://bench.example/");
    all.push(
      ...read.items.map((i) => ({ text: `${i.title} ${i.summary}`, language: feed.language })),
    );
  }
  return all.map(({ text: first, language }, i) => {
    const same = all.filter((t) => t.language === language);
    let text = first;
    while (text.length < length) text += ` ${same[(i + text.length) % same.length]?.text}`;
    return { text: text.slice(0, length), language };
  });
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

export async function benchLangid(): Promise<{ perSecond80: number; perSecond1000: number }> {
  const result: Record<number, number> = {};
  // The word lists load on the first Latin-script text: once per process, not per text.
  identifyLanguage("warming up the word lists of the language identifier");
  for (const length of [80, 1000]) {
    const sample = await texts(length);
    const started = performance.now();
    for (let round = 0; round < 5; round++)
      for (const t of sample) identifyLanguage(t.text, null, ["ar", "fa", "fr", "ru", "en"]);
    result[length] = perSecond(sample.length * 5, performance.now() - started);
  }
  return { perSecond80: result[80] ?? 0, perSecond1000: result[1000] ?? 0 };
}

export async function benchExtract(): Promise<{
  articlesPerSecond: number;
  MBPerSecond: number;
  gazetteerLoadMs: number;
  gazetteerEntities: number;
  gazetteerHeapMB: number;
}> {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const entries = builtinEntries();
  const matcher = new Matcher(entries);
  const gazetteerLoadMs = Math.round(performance.now() - t0);
  const gazetteerHeapMB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
  const sample = await texts(600);
  const bytes = sample.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  // One round first, as a running pipeline is past it: compiled code, the per-word memos filled.
  for (const t of sample) findEntities(matcher, t.text, t.language);
  const started = performance.now();
  for (let round = 0; round < 5; round++)
    for (const t of sample) findEntities(matcher, t.text, t.language);
  const ms = performance.now() - started;
  return {
    articlesPerSecond: perSecond(sample.length * 5, ms),
    MBPerSecond: Math.round(((bytes * 5) / 2 ** 20 / (ms / 1000)) * 10) / 10,
    gazetteerLoadMs,
    gazetteerEntities: entries.length,
    gazetteerHeapMB,
  };
}
