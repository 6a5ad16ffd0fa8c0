import { bandKeys, normaliseForHash, signature } from "../src/ingest/minhash.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { generateFeeds } from "./corpus.js";

export interface IngestResult {
  parseItemsPerSecond: number;
  parseMBPerSecond: number;
  dedupArticlesPerSecond: number;
}

/** Decode and parse (no network, no store), and near-duplicate signatures, on the bench corpus. */
export async function benchIngest(rounds = 3): Promise<IngestResult> {
  const feeds = generateFeeds(50, 100);
  const bytes = feeds.reduce((n, f) => n + f.body.length, 0);
  let items = 0;
  const titles: string[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const feed of feeds) {
      const read = await readFeed(
        feed.body,
        "application/rss+xml",
        `https://bench.example/${feed.path}`,
      );
      items += read.items.length;
      if (round === 0) titles.push(...read.items.map((i) => `${i.title} ${i.summary}`));
    }
  }
  const parseSeconds = (performance.now() - started) / 1000;
  const t0 = performance.now();
  for (const text of titles) {
    const sig = signature(normaliseForHash(text));
    if (sig) bandKeys(sig);
  }
  const dedupSeconds = (performance.now() - t0) / 1000;
  return {
    parseItemsPerSecond: Math.round(items / parseSeconds),
    parseMBPerSecond: Math.round(((bytes * rounds) / 2 ** 20 / parseSeconds) * 10) / 10,
    dedupArticlesPerSecond: Math.round(titles.length / dedupSeconds),
  };
}
