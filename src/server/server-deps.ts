import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import type { Sql } from "../store/database.js";

/** What the server reads from: the store, the config, and with a queue its depths and board. */
export interface ServerDeps {
  db: Sql;
  config: Config;
  log: Logger;
  /** Jobs per stage and state, for /metrics. */
  queueDepths?: () => Promise<{ stage: string; state: string; jobs: number }[]>;
  /** bull-board, mounted at /admin/queues behind the token. */
  board?: FastifyPluginAsync;
}
