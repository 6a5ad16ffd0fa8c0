import { extractArticles } from "../extract/extract-articles.js";
import { ingestFeed } from "../ingest/ingest-feed.js";
import type { Context } from "./context.js";

export type StageName = "fetch" | "extract";

/** Work for one stage: a feed id for fetch; for the others, a batch of article ids. */
export interface Job {
  stage: StageName;
  ids: string[];
}

/** Articles are carried through later stages in batches of at most this many. */
export const BATCH_SIZE = 200;

export function batches(stage: StageName, ids: readonly string[]): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE)
    jobs.push({ stage, ids: ids.slice(i, i + BATCH_SIZE) });
  return jobs;
}

/**
 * Each stage does its work on its ids and says which jobs come next. Writes are keyed by those
 * ids, so a job run twice gives the same result.
 */
export const STAGES: Record<StageName, (ids: readonly string[], ctx: Context) => Promise<Job[]>> = {
  async fetch(feedIds, ctx) {
    const next: Job[] = [];
    for (const feedId of feedIds) {
      const result = await ingestFeed(feedId, ctx);
      next.push(...batches("extract", result.articleIds));
    }
    return next;
  },
  async extract(articleIds, ctx) {
    await extractArticles(articleIds, ctx);
    return [];
  },
};
