import { queueAlerts } from "../delivery/alerts.js";
import { queueDigest } from "../delivery/digest-deliveries.js";
import { DeliveryError } from "../delivery/errors.js";
import { deliver, deliverDue } from "../delivery/send.js";
import { buildDigest } from "../digest/build.js";
import { previousDay } from "../digest/day.js";
import { extractArticles } from "../extract/extract-articles.js";
import { indexForSearch } from "../extract/search-index.js";
import { ingestFeed } from "../ingest/ingest-feed.js";
import { articlesAwaitingExtraction, articlesAwaitingTranslation } from "../store/articles.js";
import { articlesAwaitingStory } from "../store/stories.js";
import { assignStories } from "../stories/assign-stories.js";
import { STORY_SETTINGS } from "../stories/settings.js";
import { summarizeStories } from "../stories/summaries.js";
import { translateArticles } from "../translate/translate-articles.js";
import type { Context } from "./context.js";
import { fullTier } from "./full-tier.js";

export const STAGE_NAMES = [
  "fetch",
  "extract",
  "translate",
  "stories",
  "digest",
  "deliver",
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/**
 * Work for one stage: feed ids for fetch, days for digest, outbox rows for deliver (none: every
 * row due), a batch of article ids for the others.
 */
export interface Job {
  stage: StageName;
  ids: string[];
}

/** Articles are carried through later stages in batches of at most this many. */
export const BATCH_SIZE = 200;

export function batches(stage: StageName, ids: readonly string[], size = BATCH_SIZE): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < ids.length; i += size) jobs.push({ stage, ids: ids.slice(i, i + size) });
  return jobs;
}

/** Translation jobs hold one request's worth of headlines, so a limit on jobs is one on requests. */
export function translationBatches(ctx: Context, ids: readonly string[]): Job[] {
  const { translate } = ctx.config;
  // With no provider, articles are stored already marked untranslated: there is no job to do.
  return translate.provider === "openai" ? batches("translate", ids, translate.batchSize) : [];
}

/** After extraction: translation where a provider is configured, else straight to stories. */
function afterExtraction(ctx: Context, ids: readonly string[]): Job[] {
  const translate = translationBatches(ctx, ids);
  return translate.length > 0 ? translate : batches("stories", ids);
}

/**
 * Each stage does its work on its ids and says which jobs come next. Writes are keyed by those
 * ids, so a job run twice gives the same result.
 */
export const STAGES: Record<StageName, (ids: readonly string[], ctx: Context) => Promise<Job[]>> = {
  async fetch(feedIds, ctx) {
    const next: Job[] = [];
    for (const feedId of feedIds) {
      await ingestFeed(feedId, ctx);
      // Not only what this fetch stored: a fetch retried after a crash finds nothing new, yet
      // what its first attempt stored may never have reached extraction.
      next.push(...batches("extract", await articlesAwaitingExtraction(ctx.db, feedId)));
      next.push(...translationBatches(ctx, await articlesAwaitingTranslation(ctx.db, feedId)));
      const translating = ctx.translator !== undefined;
      next.push(
        ...batches("stories", await articlesAwaitingStory(ctx.db, { feedId, translating })),
      );
    }
    return next;
  },
  async extract(articleIds, ctx) {
    await extractArticles(articleIds, ctx);
    return afterExtraction(ctx, articleIds);
  },
  async translate(articleIds, ctx) {
    await translateArticles(articleIds, ctx);
    if (ctx.translator) await fullTier(articleIds, ctx, ctx.translator);
    // The English it now has is searched too.
    await indexForSearch(ctx.db, articleIds);
    return batches("stories", articleIds);
  },
  async stories(articleIds, ctx) {
    const changed = await assignStories(articleIds, {
      db: ctx.db,
      log: ctx.log,
      settings: STORY_SETTINGS,
      windowMs: ctx.config.stories.window,
      cache: ctx.storyCache,
      embedder: ctx.embedder,
    });
    if (ctx.translator && ctx.config.stories.summaries) {
      await summarizeStories(changed, { ...ctx, translator: ctx.translator });
    }
    return deliveryJobs(await queueAlerts(articleIds, ctx));
  },
  async digest(days, ctx) {
    // A scheduled digest names no day: it is the digest of the day that just ended.
    const wanted = days.length > 0 ? days : [previousDay(ctx.now(), ctx.config.timezone)];
    const outbox: string[] = [];
    for (const day of wanted) outbox.push(...(await buildAndQueueDigest(day, ctx)));
    return deliveryJobs(outbox);
  },
  async deliver(ids, ctx) {
    const outcome = ids.length > 0 ? await deliver(ids, ctx) : await deliverDue(ctx);
    if (outcome.failed.length > 0) throw new DeliveryError(outcome.failed);
    return [];
  },
};

const deliveryJobs = (ids: readonly string[]): Job[] => batches("deliver", ids, DELIVERY_BATCH);

// Messages go out a few to a job: a channel that times out holds up no more than these.
const DELIVERY_BATCH = 10;

/** The day's digest built, written, and queued for every delivery channel. */
async function buildAndQueueDigest(day: string, ctx: Context): Promise<string[]> {
  const built = await buildDigest(ctx.db, ctx.config, day);
  ctx.log.info(
    {
      stage: "digest",
      day,
      stories: built.storyCount,
      articles: built.articleCount,
      paths: built.files.map((f) => f.path),
    },
    "digest built",
  );
  return queueDigest(built.document, ctx);
}
