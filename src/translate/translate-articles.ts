import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import { StageError } from "../lib/errors.js";
import type { Sql } from "../store/database.js";
import {
  cachedTranslations,
  clearRefusal,
  markUntranslated,
  needingTranslation,
  recordRefusal,
  recordUsage,
  saveTranslations,
  type ToTranslate,
  type Translated,
} from "../store/translations.js";
import { suspicious } from "./answer-checks.js";
import { PROMPT_VERSION } from "./prompt.js";
import { TranslationError, type Translator } from "./translator.js";

export interface TranslateContext {
  config: Config;
  db: Sql;
  log: Logger;
  translator?: Translator;
  now: () => Date;
}

/**
 * The headline tier: English titles for a batch of articles, from the cache when the same text
 * was translated before, else from the model in requests of `batchSize` items keyed by id. An
 * article the model could not translate stays stored, marked failed with the reason; with no
 * provider configured, each is marked so.
 */
export async function translateArticles(
  ids: readonly string[],
  ctx: TranslateContext,
): Promise<void> {
  const { translator } = ctx;
  if (!translator) {
    // One statement: it only touches articles still pending, so no read is needed first.
    await markUntranslated(ctx.db, ids, "none", "no translation provider is configured");
    return;
  }
  const pending = await needingTranslation(ctx.db, ids);
  if (pending.length === 0) return;
  const english = pending
    .filter((a) => a.language === "en")
    .map((a) => ({ id: a.id, titleEn: a.title, tokens: 0 }));
  const foreign = pending.filter((a) => a.language !== "en");
  const keyOf = (a: ToTranslate) => cacheKey(translator.model, a.title);
  const cached = await cachedTranslations(ctx.db, foreign.map(keyOf));
  const fromCache = foreign.flatMap((a) => {
    const title = cached.get(keyOf(a));
    return title ? [{ id: a.id, titleEn: title, tokens: 0 }] : [];
  });
  await saveTranslations(ctx.db, translator.model, PROMPT_VERSION, [...english, ...fromCache]);
  const uncached = foreign.filter((a) => !cached.has(keyOf(a)));
  // A title another job of this process is asking for right now (the same story from two
  // feeds) is not asked again: its answer is waited for, then read from the cache.
  const waiting = uncached.filter((a) => translator.inFlight.has(keyOf(a)));
  const todo = uncached.filter((a) => !translator.inFlight.has(keyOf(a)));
  await askFor(todo, translator, keyOf, ctx);
  if (waiting.length === 0) return;
  await Promise.all(waiting.map((a) => translator.inFlight.get(keyOf(a))));
  const answered = await cachedTranslations(ctx.db, waiting.map(keyOf));
  const shared = waiting.flatMap((a) => {
    const title = answered.get(keyOf(a));
    return title ? [{ id: a.id, titleEn: title, tokens: 0 }] : [];
  });
  await saveTranslations(ctx.db, translator.model, PROMPT_VERSION, shared);
  // Those whose shared request failed ask for themselves.
  await askFor(
    waiting.filter((a) => !answered.has(keyOf(a))),
    translator,
    keyOf,
    ctx,
  );
}

/** These headlines from the model, in batches; marked in flight until their answers are in. */
async function askFor(
  todo: readonly ToTranslate[],
  translator: Translator,
  keyOf: (a: ToTranslate) => string,
  ctx: TranslateContext,
): Promise<void> {
  if (todo.length === 0) return;
  const { promise: finished, resolve: finish } = deferred();
  const keys = [...new Set(todo.map(keyOf))];
  for (const key of keys) translator.inFlight.set(key, finished);
  const size = ctx.config.translate.provider === "openai" ? ctx.config.translate.batchSize : 40;
  try {
    for (let i = 0; i < todo.length; i += size)
      await translateBatch(todo.slice(i, i + size), translator, keyOf, ctx);
  } catch (error) {
    // A refused key fails the pass (nothing more is sent) and shows in `status`.
    if (error instanceof StageError && error.kind === "config")
      await recordRefusal(ctx.db, translator.model, error.message);
    throw error;
  } finally {
    for (const key of keys)
      if (translator.inFlight.get(key) === finished) translator.inFlight.delete(key);
    finish();
  }
  await clearRefusal(ctx.db, translator.model);
}

async function translateBatch(
  batch: ToTranslate[],
  translator: Translator,
  keyOf: (a: ToTranslate) => string,
  ctx: TranslateContext,
) {
  const log = ctx.log.child({ stage: "translate", articles: batch.length });
  // The same title twice in a batch (syndicated copies) is asked for once, answered for both.
  const firstOf = new Map<string, ToTranslate>();
  for (const a of batch) if (!firstOf.has(keyOf(a))) firstOf.set(keyOf(a), a);
  try {
    const reply = await translator.headlines(
      [...firstOf.values()].map((a) => ({ id: a.id, language: a.language, title: a.title })),
    );
    const titleOf = (a: ToTranslate) => reply.titles.get(firstOf.get(keyOf(a))?.id ?? "");
    const answer = {
      ...reply,
      titles: new Map(
        batch.flatMap((a) => {
          const t = titleOf(a);
          return t ? [[a.id, t] as const] : [];
        }),
      ),
    };
    const day = ctx.now().toISOString().slice(0, 10);
    await recordUsage(ctx.db, day, translator.model, answer.promptTokens, answer.completionTokens);
    const share = Math.ceil((answer.promptTokens + answer.completionTokens) / batch.length);
    // An answer that is the source sent back, or not English, is asked for again alone.
    const doubtful = batch.filter((a) => {
      const title = answer.titles.get(a.id);
      return title !== undefined && suspicious(a, title) !== undefined;
    });
    const done: Translated[] = batch.flatMap((a) => {
      const title = answer.titles.get(a.id);
      return title && !doubtful.includes(a)
        ? [{ id: a.id, titleEn: title, key: keyOf(a), tokens: share }]
        : [];
    });
    await saveTranslations(ctx.db, translator.model, PROMPT_VERSION, done);
    const missing = batch.filter((a) => !answer.titles.has(a.id)).map((a) => a.id);
    await markUntranslated(ctx.db, missing, "failed", "the model's answer left this item out");
    for (const a of doubtful) await translateAlone(a, translator, keyOf, ctx);
    log.info(
      {
        translated: done.length,
        missing: missing.length,
        tokens: answer.promptTokens + answer.completionTokens,
      },
      "headlines translated",
    );
  } catch (error) {
    if (!(error instanceof TranslationError)) throw error;
    await markUntranslated(
      ctx.db,
      batch.map((a) => a.id),
      "failed",
      error.message,
    );
    log.warn({ err: error.message, ids: batch.map((a) => a.id) }, "headlines not translated");
  }
}

/**
 * One headline whose answer in a batch could not be kept, asked for again on its own: kept if
 * the second answer passes, else marked failed with the reason. A doubtful answer is never
 * cached.
 */
async function translateAlone(
  article: ToTranslate,
  translator: Translator,
  keyOf: (a: ToTranslate) => string,
  ctx: TranslateContext,
): Promise<void> {
  try {
    const reply = await translator.headlines([
      { id: article.id, language: article.language, title: article.title },
    ]);
    const day = ctx.now().toISOString().slice(0, 10);
    await recordUsage(ctx.db, day, translator.model, reply.promptTokens, reply.completionTokens);
    const title = reply.titles.get(article.id);
    const problem =
      title === undefined ? "the model's answer left this item out" : suspicious(article, title);
    if (title === undefined || problem) {
      await markUntranslated(ctx.db, [article.id], "failed", problem ?? "no answer");
      ctx.log.warn({ stage: "translate", article: article.id, err: problem }, "headline refused");
      return;
    }
    const tokens = reply.promptTokens + reply.completionTokens;
    await saveTranslations(ctx.db, translator.model, PROMPT_VERSION, [
      { id: article.id, titleEn: title, key: keyOf(article), tokens },
    ]);
  } catch (error) {
    if (!(error instanceof TranslationError)) throw error;
    await markUntranslated(ctx.db, [article.id], "failed", error.message);
  }
}

/** Model, prompt version and text: the same three never cost twice. */
export function cacheKey(model: string, text: string): string {
  return createHash("sha256").update(`${model}\n${PROMPT_VERSION}\n${text}`).digest("hex");
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
