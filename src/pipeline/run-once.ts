import { articlesAwaitingExtraction, articlesAwaitingTranslation } from "../store/articles.js";
import { articlesAwaitingStory } from "../store/stories.js";
import type { Context } from "./context.js";
import { type RunStats, runInline } from "./inline.js";
import { batches, type Job, translationBatches } from "./stages.js";

// Work a previous run left is taken in slices this size, oldest first, so a pass after a long
// outage stays within memory; what a feed stores in this pass is always done in full.
const LEFTOVER = 100_000;

/**
 * One pass: the given feeds (every feed by default) fetched, and every article they bring,
 * plus any a previous run left unfinished, carried through all stages.
 */
export async function runOnce(ctx: Context, feedIds?: readonly string[]): Promise<RunStats> {
  const feeds = feedIds ?? ctx.config.feeds.map((f) => f.id);
  const leftover = await articlesAwaitingExtraction(ctx.db, undefined, LEFTOVER);
  const untranslated = await articlesAwaitingTranslation(ctx.db, undefined, LEFTOVER);
  const unstoried = await articlesAwaitingStory(ctx.db, {
    translating: ctx.translator !== undefined,
    limit: LEFTOVER,
  });
  for (const [stage, ids] of [
    ["extract", leftover],
    ["translate", untranslated],
    ["stories", unstoried],
  ] as const) {
    if (ids.length === LEFTOVER)
      ctx.log.warn(
        { stage, taken: LEFTOVER },
        "more articles left from earlier runs than one pass takes; the next pass continues",
      );
  }
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
