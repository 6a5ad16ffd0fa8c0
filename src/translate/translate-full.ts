import { createHash } from "node:crypto";
import type { Config } from "../config/index.js";
import { cutAtWord } from "../ingest/text.js";
import type { Sql } from "../store/database.js";
import {
  cachedFullAnswer,
  cacheFullAnswer,
  type FullCandidate,
  markFullFailed,
  recordUsage,
  saveFull,
} from "../store/translations.js";
import { FULL_PROMPT_VERSION, type FullAnswer, type GlossaryEntry } from "./full-prompt.js";
import { type FullItem, TranslationError, type Translator } from "./translator.js";

// The lede tier sends no more of the body than this: the model is paid by the token.
const LEDE_CHARS = 1500;

export interface FullContext {
  config: Config;
  db: Sql;
  translator: Translator;
  now: () => Date;
}

/** The watchlist's English names and their aliases, so the model names them the same every time. */
export function glossary(config: Config): GlossaryEntry[] {
  return config.watchlist.map((w) => ({ name: w.name, aliases: Object.values(w.aliases).flat() }));
}

/**
 * The full tier for chosen articles, one request each: English title, summary and body stored;
 * the model's entities returned for linking. An article the model fails on is marked failed
 * with the reason and stays as it was.
 */
export async function translateFull(
  articles: readonly FullCandidate[],
  ctx: FullContext,
): Promise<Map<string, FullAnswer>> {
  const answers = new Map<string, FullAnswer>();
  const body = ctx.config.triage.body;
  for (const a of articles) {
    const text =
      body === "none" || !a.body
        ? null
        : body === "lede" && a.body.length > LEDE_CHARS
          ? cutAtWord(a.body, LEDE_CHARS)
          : a.body;
    const item = { id: a.id, language: a.language, title: a.title, summary: a.summary, body: text };
    const key = fullKey(ctx.translator.model, body, item);
    try {
      const cached = await cachedFullAnswer<FullAnswer>(ctx.db, key);
      const reply = cached
        ? { answer: cached, promptTokens: 0, completionTokens: 0 }
        : await ctx.translator.full(item, glossary(ctx.config), body);
      if (!cached) {
        await recordUsage(
          ctx.db,
          ctx.now().toISOString().slice(0, 10),
          ctx.translator.model,
          reply.promptTokens,
          reply.completionTokens,
        );
        await cacheFullAnswer(ctx.db, key, ctx.translator.model, FULL_PROMPT_VERSION, reply.answer);
      }
      const { title_en, summary_en, body_en } = reply.answer;
      await saveFull(ctx.db, a.id, {
        titleEn: title_en,
        summaryEn: summary_en,
        bodyEn: body === "none" ? null : body_en,
        tokens: reply.promptTokens + reply.completionTokens,
      });
      answers.set(a.id, reply.answer);
    } catch (error) {
      if (!(error instanceof TranslationError)) throw error;
      await markFullFailed(ctx.db, [a.id], error.message);
    }
  }
  return answers;
}

/** Model, prompt version, body setting and the text sent (not the id): the same text costs once. */
function fullKey(model: string, body: string, item: FullItem): string {
  const text = JSON.stringify([item.language, item.title, item.summary, item.body]);
  return createHash("sha256")
    .update(`${model}\n${FULL_PROMPT_VERSION}\n${body}\n${text}`)
    .digest("hex");
}
