import type { Config } from "../config/index.js";
import { builtinEntriesBeside } from "../extract/builtins.js";
import { Categories } from "../extract/categories.js";
import { loadPlaces, watchlistEntries } from "../extract/gazetteer.js";
import { type Matcher, matcherFor } from "../extract/matcher.js";
import { HostPacer } from "../ingest/host-pacer.js";
import type { Resolver } from "../lib/address-guard.js";
import type { Logger } from "../lib/logger.js";
import type { Database } from "../store/database.js";
import { upsertEntities } from "../store/entities.js";
import { syncFeeds } from "../store/feeds.js";
import { openStore } from "../store/open.js";
import { StoryCache } from "../stories/assign-stories.js";
import { Embedder } from "../stories/embeddings.js";
import type { Limiter } from "../translate/rate-limiter.js";
import { Translator } from "../translate/translator.js";

/** Everything a stage may use; each stage declares the part of it that it needs. */
export interface Context {
  config: Config;
  db: Database;
  log: Logger;
  matcher: Matcher;
  regions: ReadonlyMap<string, readonly string[]>;
  categories: Categories;
  pacer: HostPacer;
  now: () => Date;
  resolve?: Resolver;
  respectBackoff?: boolean;
  /** Absent when no translation provider is configured. */
  translator?: Translator;
  /** Absent when no embeddings endpoint is configured: stories are made offline. */
  embedder?: Embedder;
  /** The window's stories in memory, caught up from the store before each batch. */
  storyCache: StoryCache;
  close(): Promise<void>;
}

export interface ContextOptions {
  log: Logger;
  /** Shared limits for the translation provider (a deployment's Redis); else per process. */
  limiters?: (name: "requests" | "tokens", limit: number) => Limiter;
  db?: Database;
  resolve?: Resolver;
  now?: () => Date;
}

/** Opens the store, loads the gazetteer, and writes feeds and entities from the config. */
export async function createContext(config: Config, options: ContextOptions): Promise<Context> {
  const db =
    options.db ??
    (await openStore(config.store, {
      onError: (e) => options.log.warn({ err: e.message }, "database connection lost"),
    }));
  const watched = watchlistEntries(config.watchlist);
  const matcher = matcherFor(watched, () => builtinEntriesBeside(watched));
  await syncFeeds(db, config.feeds);
  // The watchlist and the countries up front (digests name countries); a city or region is
  // written when it is first mentioned.
  const countries = loadPlaces().filter((e) => e.kind === "country");
  await upsertEntities(
    db,
    [...watched, ...countries].map((e) => e.entity),
  );
  return {
    config,
    db,
    log: options.log,
    matcher,
    regions: new Map(config.feeds.map((f) => [f.id, f.region])),
    categories: new Categories(config.categories),
    pacer: new HostPacer(config.fetch.hostGap),
    now: options.now ?? (() => new Date()),
    resolve: options.resolve,
    translator:
      config.translate.provider === "openai"
        ? new Translator(config.translate, options.limiters)
        : undefined,
    embedder: config.stories.embeddings ? new Embedder(config.stories.embeddings) : undefined,
    storyCache: new StoryCache(),
    close: () => db.close(),
  };
}
