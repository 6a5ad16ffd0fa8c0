import { loadPlaces } from "../src/extract/gazetteer.js";
import { Matcher } from "../src/extract/matcher.js";
import { identifyLanguage } from "../src/ingest/language.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { generateFeeds } from "./corpus.js";

/** Texts in the five languages from the bench corpus, cut or joined to about `length` characters. */
async function texts(length: number): Promise<string[]> {
  const all: string[] = [];
  for (const feed of generateFeeds(10, 40)) {
    const read = await readFeed(feed.body, null, "https://bench.example/");
    all.push(...read.items.map((i) => `${i.title} ${i.summary}`));
  }
  return all.map((t, i) => {
    let text = t;
    while (text.length < length) text += ` ${all[(i + text.length) % all.length]}`;
    return text.slice(0, length);
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
      for (const t of sample) identifyLanguage(t, null, ["ar", "fa", "fr", "ru", "en"]);
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
  const entries = loadPlaces();
  const matcher = new Matcher(entries);
  const gazetteerLoadMs = Math.round(performance.now() - t0);
  const gazetteerHeapMB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
  const sample = await texts(600);
  const bytes = sample.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const t of sample) matcher.match(t);
  const ms = performance.now() - started;
  return {
    articlesPerSecond: perSecond(sample.length * 5, ms),
    MBPerSecond: Math.round(((bytes * 5) / 2 ** 20 / (ms / 1000)) * 10) / 10,
    gazetteerLoadMs,
    gazetteerEntities: entries.length,
    gazetteerHeapMB,
  };
}
