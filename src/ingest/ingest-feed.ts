import type { Logger } from "pino";
import type { Config, FeedConfig } from "../config/index.js";
import type { Resolver } from "../lib/address-guard.js";
import { StageError } from "../lib/errors.js";
import {
  insertArticles,
  knownContentHashes,
  knownIds,
  type NewArticle,
} from "../store/articles.js";
import type { Sql } from "../store/database.js";
import { type FeedState, getFeed, recordFetchFailure, recordFetchSuccess } from "../store/feeds.js";
import { nextAttempt } from "./backoff.js";
import { feedNotes } from "./feed-notes.js";
import { FetchError } from "./fetch-errors.js";
import { fetchFullText } from "./fetch-page.js";
import type { HostPacer } from "./host-pacer.js";
import { httpGet } from "./http-get.js";
import { httpOptions } from "./http-options.js";
import { findOriginals } from "./near-duplicates.js";
import { type ArticleSource, byIdentity, newArticle, shortLanguage } from "./new-articles.js";
import { type ReadFeed, readFeed } from "./read-feed.js";

export interface IngestContext {
  config: Config;
  db: Sql;
  log: Logger;
  pacer: HostPacer;
  now: () => Date;
  resolve?: Resolver;
  /** Skip a failing feed until its back-off ends (a scheduler polls at fixed intervals). */
  respectBackoff?: boolean;
}

export interface IngestResult {
  status: "new" | "not-modified" | "failed" | "backing-off";
  items: number;
  articleIds: string[];
}

/**
 * The fetch stage: one feed polled, decoded, parsed, and its new articles stored with their
 * language, full text if wanted, and the original they re-publish if any. A failing feed is
 * recorded in its health, not thrown: its next poll is the retry.
 */
export async function ingestFeed(feedId: string, ctx: IngestContext): Promise<IngestResult> {
  const feed = ctx.config.feeds.find((f) => f.id === feedId);
  if (!feed) throw new StageError("not-found", `feed ${feedId} is not in the config`);
  const log = ctx.log.child({ feed: feedId, stage: "fetch" });
  const started = ctx.now();
  try {
    const state = await getFeed(ctx.db, feedId);
    if (ctx.respectBackoff && backingOff(state, started)) {
      log.debug(
        { failures: state?.consecutiveFailures, until: state?.nextFetchAt },
        "feed backing off",
      );
      return { status: "backing-off", items: 0, articleIds: [] };
    }
    const options = httpOptions(ctx.config.fetch, feed, ctx.resolve);
    const response = await ctx.pacer.run(feed.url, () => httpGet(feed.url, options, state ?? {}));
    const next = new Date(started.getTime() + feed.every);
    if (response.kind === "not-modified") {
      const unchanged = {
        etag: null,
        lastModified: null,
        items: null,
        format: null,
        encoding: null,
        repaired: null,
      };
      await recordFetchSuccess(ctx.db, feedId, { status: 304, ...unchanged, nextFetchAt: next });
      log.info({ status: 304 }, "feed not modified");
      return { status: "not-modified", items: 0, articleIds: [] };
    }
    const parsed = await readFeed(response.body, response.contentType, response.url, feed);
    const articleIds = await storeItems(feed, parsed, started, ctx);
    const notes = feedNotes(parsed, started);
    await recordFetchSuccess(ctx.db, feedId, {
      notes,
      status: response.status,
      etag: response.etag,
      lastModified: response.lastModified,
      items: parsed.items.length,
      format: parsed.format,
      encoding: parsed.encoding,
      repaired: parsed.repaired,
      nextFetchAt: next,
    });
    const { format, encoding, repaired } = parsed;
    log.info(
      {
        status: response.status,
        format,
        encoding,
        items: parsed.items.length,
        new: articleIds.length,
        repaired: repaired || undefined,
        notes: notes ?? undefined,
      },
      "feed fetched",
    );
    return { status: "new", items: parsed.items.length, articleIds };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const failures = await recordFetchFailure(ctx.db, feedId, {
      status: error.status,
      reason: error.reason,
      message: error.message,
      nextFetchAt: (n) => nextAttempt(started, feed.every, n, error.retryAfterMs),
    });
    log.warn(
      { reason: error.reason, status: error.status, failures, err: error.message },
      "feed failed",
    );
    return { status: "failed", items: 0, articleIds: [] };
  }
}

function backingOff(state: FeedState | undefined, now: Date): boolean {
  return Boolean(
    state?.consecutiveFailures && state.nextFetchAt && new Date(state.nextFetchAt) > now,
  );
}

async function storeItems(
  feed: FeedConfig,
  parsed: ReadFeed,
  fetchedAt: Date,
  ctx: IngestContext,
): Promise<string[]> {
  const items = byIdentity(parsed.items, feed);
  const known = await knownIds(ctx.db, [...items.keys()]);
  const source: ArticleSource = {
    feed,
    declared: feed.language ?? shortLanguage(parsed.language),
    languages: ctx.config.languages,
    fetchedAt,
    translationStatus: ctx.config.translate.provider === "none" ? "none" : "pending",
  };
  const fresh: NewArticle[] = [];
  for (const [id, { item, url }] of items) {
    if (known.has(id)) continue;
    const page =
      feed.fullText && item.link
        ? await fetchFullText(
            url,
            httpOptions(ctx.config.fetch, feed, ctx.resolve),
            ctx.pacer,
            feed.selectors?.body,
          )
        : undefined;
    if (page?.error)
      ctx.log.info(
        { feed: feed.id, stage: "fetch", url, reason: page.error },
        "full text not had; summary kept",
      );
    fresh.push(newArticle(id, url, item, source, page));
  }
  // The same text under another URL is the same article: not stored again, never an original.
  const seenText = await knownContentHashes(
    ctx.db,
    fresh.map((a) => a.contentHash),
  );
  const unseen = fresh.filter((a) => !seenText.has(a.contentHash));
  const originals = await findOriginals(
    ctx.db,
    unseen.map((a) => ({
      id: a.id,
      language: a.language,
      minhash: a.minhash ?? null,
      text: `${a.title} ${a.summary}`,
    })),
    fetchedAt,
  );
  return insertArticles(
    ctx.db,
    unseen.map((a) => ({ ...a, duplicateOf: originals.get(a.id) ?? null })),
  );
}
