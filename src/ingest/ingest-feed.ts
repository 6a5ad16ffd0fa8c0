import type { Logger } from "pino";
import type { Config, FeedConfig } from "../config/index.js";
import { insertArticles, knownUrls, type NewArticle } from "../store/articles.js";
import type { Sql } from "../store/database.js";
import { getFeed, recordFetchFailure, recordFetchSuccess } from "../store/feeds.js";
import { nextAttempt } from "./backoff.js";
import { articleId, canonicalUrl, contentHash } from "./canonical.js";
import { decodeDocument } from "./decode.js";
import { FetchError } from "./fetch-errors.js";
import type { Resolver } from "./guard.js";
import type { HostPacer } from "./host-pacer.js";
import { httpGet } from "./http-get.js";
import { identifyLanguage } from "./language.js";
import { type FeedItem, type ParsedFeed, parseFeed } from "./parse.js";

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
 * language. A failing feed is recorded in its health, not thrown: its next poll is the retry.
 */
export async function ingestFeed(feedId: string, ctx: IngestContext): Promise<IngestResult> {
  const feed = ctx.config.feeds.find((f) => f.id === feedId);
  if (!feed) throw new Error(`feed ${feedId} is not in the config`);
  const log = ctx.log.child({ feed: feedId, stage: "fetch" });
  const started = ctx.now();
  try {
    const state = await getFeed(ctx.db, feedId);
    if (
      ctx.respectBackoff &&
      state?.consecutiveFailures &&
      state.nextFetchAt &&
      new Date(state.nextFetchAt) > started
    ) {
      log.debug(
        { failures: state.consecutiveFailures, until: state.nextFetchAt },
        "feed backing off",
      );
      return { status: "backing-off", items: 0, articleIds: [] };
    }
    const response = await ctx.pacer.run(feed.url, () =>
      httpGet(
        feed.url,
        { ...ctx.config.fetch, timeoutMs: ctx.config.fetch.timeout, resolve: ctx.resolve },
        state ?? {},
      ),
    );
    const next = new Date(started.getTime() + feed.every);
    if (response.kind === "not-modified") {
      await recordFetchSuccess(ctx.db, feedId, {
        status: 304,
        etag: null,
        lastModified: null,
        items: null,
        format: null,
        encoding: null,
        nextFetchAt: next,
      });
      log.info({ status: 304 }, "feed not modified");
      return { status: "not-modified", items: 0, articleIds: [] };
    }
    const decoded = decodeDocument(response.body, response.contentType);
    const parsed = await parseFeed(decoded.text, response.url);
    const articleIds = await storeItems(feed, parsed, started, ctx);
    await recordFetchSuccess(ctx.db, feedId, {
      status: response.status,
      etag: response.etag,
      lastModified: response.lastModified,
      items: parsed.items.length,
      format: parsed.format,
      encoding: decoded.encoding,
      nextFetchAt: next,
    });
    log.info(
      {
        status: response.status,
        format: parsed.format,
        encoding: decoded.encoding,
        items: parsed.items.length,
        new: articleIds.length,
        repaired: parsed.repaired || undefined,
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

async function storeItems(
  feed: FeedConfig,
  parsed: ParsedFeed,
  fetchedAt: Date,
  ctx: IngestContext,
): Promise<string[]> {
  const byUrl = new Map<string, FeedItem>();
  for (const item of parsed.items) {
    if (!item.link) continue;
    const url = canonicalUrl(item.link);
    if (!byUrl.has(url)) byUrl.set(url, item);
  }
  const known = await knownUrls(ctx.db, [...byUrl.keys()]);
  const declared = feed.language ?? shortLanguage(parsed.language);
  const fresh: NewArticle[] = [];
  for (const [url, item] of byUrl) {
    if (known.has(url)) continue;
    const guess = identifyLanguage(
      `${item.title}\n${item.summary}`,
      declared,
      ctx.config.languages,
    );
    fresh.push({
      id: articleId(url),
      feedId: feed.id,
      url,
      contentHash: contentHash(item.title, item.summary),
      title: item.title,
      summary: item.summary,
      body: null,
      author: item.author,
      publishedAt: item.published,
      fetchedAt,
      declaredLanguage: declared,
      language: guess.language,
      languageConfidence: guess.confidence,
    });
  }
  return insertArticles(ctx.db, fresh);
}

/** "fr-FR" and "ar_SA" declare fr and ar. */
function shortLanguage(declared: string | null): string | null {
  const code = declared?.toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : null;
}
