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
    const sources = await storySources(ctx.db, story.id, SOURCES_READ);
    const key = createHash("sha256")
      .update(`story\n${ctx.translator.model}\n${STORY_PROMPT_VERSION}\n${JSON.stringify(sources)}`)
      .digest("hex");
    try {
      const cached = await cachedFullAnswer<StoryAnswer>(ctx.db, key);
      const reply = cached ? undefined : await ctx.translator.storySummary(sources);
      if (reply) {
        const day = ctx.now().toISOString().slice(0, 10);
        await recordUsage(
          ctx.db,
          day,
          ctx.translator.model,
          reply.promptTokens,
          reply.completionTokens,
        );
        await cacheFullAnswer(
          ctx.db,
          key,
          ctx.translator.model,
          STORY_PROMPT_VERSION,
          reply.answer,
        );
      }
      const answer = cached ?? (reply as { answer: StoryAnswer }).answer;
      await saveStorySummary(ctx.db, story.id, answer.summary_en, story.articleCount, null);
      done++;
    } catch (error) {
      if (!(error instanceof TranslationError)) throw error;
      await saveStorySummary(ctx.db, story.id, null, story.articleCount, error.message);
      ctx.log.warn(
        { stage: "stories", story: story.id, err: error.message },
        "story summary failed",
      );
    }
  }
  return done;
}
