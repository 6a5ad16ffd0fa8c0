import { llmMentions } from "../extract/llm-mentions.js";
import { insertEntitiesIfMissing } from "../store/entities.js";
import { saveMentions } from "../store/mentions.js";
import { fullCandidates } from "../store/translations.js";
import { translateFull } from "../translate/translate-full.js";
import type { Translator } from "../translate/translator.js";
import type { Context } from "./context.js";
import { wantsFullTier } from "./triage.js";

/**
 * Triage, then the full tier for the articles that earn it, then the model's entities merged
 * with the gazetteer's as mentions of method llm.
 */
export async function fullTier(
  ids: readonly string[],
  ctx: Context,
  translator: Translator,
): Promise<void> {
  const chosen = (await fullCandidates(ctx.db, ids)).filter((a) => wantsFullTier(a, ctx.config));
  if (chosen.length === 0) return;
  const answers = await translateFull(chosen, { ...ctx, translator });
  for (const article of chosen) {
    const answer = answers.get(article.id);
    if (!answer) continue;
    const { mentions, entities } = llmMentions(article, answer.entities, ctx.matcher);
    await insertEntitiesIfMissing(ctx.db, entities);
    await ctx.db.transaction((tx) =>
      saveMentions(tx, "llm", [{ articleId: article.id, mentions }]),
    );
  }
  ctx.log.info({ stage: "translate", full: chosen.length, done: answers.size }, "full tier done");
}
