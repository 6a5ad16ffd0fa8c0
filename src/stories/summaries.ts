import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Sql } from "../store/database.js";
import { saveStorySummary, storiesDueSummary, storySources } from "../store/stories.js";
import { cachedFullAnswer, cacheFullAnswer, recordUsage } from "../store/translations.js";
import { STORY_PROMPT_VERSION, type StoryAnswer } from "../translate/story-prompt.js";
import { TranslationError, type Translator } from "../translate/translator.js";

export interface SummaryContext {
  db: Sql;
  translator: Translator;
  log: Logger;
  now: () => Date;
}

// A summary reads this many sources at most: the first reports and their words are enough.
const SOURCES_READ = 12;

/**
 * One request per story, not per article: an English summary of what its sources say when it
 * is watched or reaches three sources, and again when it has grown by half. Cached by its
 * sources' text, rate-limited and counted like every request; a failure is stored with the
 * story and tried again when the story next changes.
 */
export async function summarizeStories(
  storyIds: readonly string[],
  ctx: SummaryContext,
): Promise<number> {
  let done = 0;
  for (const story of await storiesDueSummary(ctx.db, storyIds)) {
    try {
      const summary = await summaryOf(story.id, ctx);
      await saveStorySummary(ctx.db, story.id, summary, story.articleCount, null);
      done++;
    } catch (error) {
      if (!(error instanceof TranslationError)) throw error;
      // Refused answers were paid for all the same.
      await spent(ctx, error.requests, error.promptTokens, error.completionTokens);
      await saveStorySummary(ctx.db, story.id, null, story.articleCount, error.message);
      ctx.log.warn(
        { stage: "stories", story: story.id, err: error.message },
        "story summary failed",
      );
    }
  }
  return done;
}

/** The story's summary from the cache, else from the model (then cached and counted). */
async function summaryOf(storyId: string, ctx: SummaryContext): Promise<string> {
  const sources = await storySources(ctx.db, storyId, SOURCES_READ);
  const { model } = ctx.translator;
  const key = createHash("sha256")
    .update(`story\n${model}\n${STORY_PROMPT_VERSION}\n${JSON.stringify(sources)}`)
    .digest("hex");
  const cached = await cachedFullAnswer<StoryAnswer>(ctx.db, key);
  if (cached) return cached.summary_en;
  const reply = await ctx.translator.storySummary(sources);
  await spent(ctx, reply.requests, reply.promptTokens, reply.completionTokens);
  await cacheFullAnswer(ctx.db, key, model, STORY_PROMPT_VERSION, reply.answer);
  return reply.answer.summary_en;
}

async function spent(
  ctx: SummaryContext,
  requests: number,
  prompt: number,
  completion: number,
): Promise<void> {
  if (requests === 0) return;
  const day = ctx.now().toISOString().slice(0, 10);
  await recordUsage(ctx.db, day, ctx.translator.model, prompt, completion, requests);
}
