import type { Config } from "../config/index.js";
import { loadPlaces, watchlistEntries } from "../extract/gazetteer.js";
import { Matcher } from "../extract/matcher.js";
import type { Resolver } from "../ingest/guard.js";
import { HostPacer } from "../ingest/host-pacer.js";
import type { Logger } from "../lib/logger.js";
import type { Database } from "../store/database.js";
import { upsertEntities } from "../store/entities.js";
import { syncFeeds } from "../store/feeds.js";
import { openStore } from "../store/open.js";
import { Translator } from "../translate/translator.js";

/** Everything a stage may use; each stage declares the part of it that it needs. */
export interface Context {
  config: Config;
  db: Database;
  log: Logger;
  matcher: Matcher;
  pacer: HostPacer;
  now: () => Date;
  resolve?: Resolver;
  respectBackoff?: boolean;
  /** Absent when no translation provider is configured. */
  translator?: Translator;
  close(): Promise<void>;
}

export interface ContextOptions {
  log: Logger;
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
  const matcher = new Matcher([...watchlistEntries(config.watchlist), ...loadPlaces()]);
  await syncFeeds(db, config.feeds);
  await upsertEntities(db, matcher.entities);
  return {
    config,
    db,
    log: options.log,
    matcher,
    pacer: new HostPacer(config.fetch.hostGap),
    now: options.now ?? (() => new Date()),
    resolve: options.resolve,
    translator:
      config.translate.provider === "openai" ? new Translator(config.translate) : undefined,
    close: () => db.close(),
  };
}
