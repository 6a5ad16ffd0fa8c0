import { articlesAwaitingExtraction, articlesAwaitingTranslation } from "../store/articles.js";
import { articlesAwaitingStory } from "../store/stories.js";
import type { Context } from "./context.js";
import { type RunStats, runInline } from "./inline.js";
import { batches, type Job, translationBatches } from "./stages.js";

/**
 * One pass: the given feeds (every feed by default) fetched, and every article they bring,
 * plus any a previous run left unfinished, carried through all stages.
 */
export async function runOnce(ctx: Context, feedIds?: readonly string[]): Promise<RunStats> {
  const feeds = feedIds ?? ctx.config.feeds.map((f) => f.id);
  const leftover = await articlesAwaitingExtraction(ctx.db);
  const untranslated = await articlesAwaitingTranslation(ctx.db);
  const unstoried = await articlesAwaitingStory(ctx.db, {
    translating: ctx.translator !== undefined,
  });
  const jobs: Job[] = [
    ...feeds.map((id): Job => ({ stage: "fetch", ids: [id] })),
    ...batches("extract", leftover),
    ...translationBatches(ctx, untranslated),
    ...batches("stories", unstoried),
    // Messages a channel refused before, whose next try is due.
    ...(ctx.config.delivery.channels.length > 0 ? [{ stage: "deliver" as const, ids: [] }] : []),
  ];
  const started = performance.now();
  const stats = await runInline(ctx, jobs, ctx.config.queue.concurrency);
  ctx.log.info(
    {
      stage: "run",
      feeds: stats.done.fetch,
      extracted: stats.done.extract,
      failed: stats.failed.length,
      ms: Math.round(performance.now() - started),
    },
    "pass complete",
  );
  return stats;
}
