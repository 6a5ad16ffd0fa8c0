import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import type { Database } from "../store/database.js";
import { openStore } from "../store/open.js";

/**
 * The store for a command that reads (status, digest, serve): opened and migrated, nothing
 * else. No gazetteer is loaded and nothing of the config is written, which the pipeline's
 * context does for the stages.
 */
export interface Reader {
  config: Config;
  db: Database;
  log: Logger;
  now: () => Date;
  close(): Promise<void>;
}

export async function openReader(config: Config, log: Logger): Promise<Reader> {
  const db = await openStore(config.store, {
    onError: (e) => log.warn({ err: e.message }, "database connection lost"),
  });
  return { config, db, log, now: () => new Date(), close: () => db.close() };
}
