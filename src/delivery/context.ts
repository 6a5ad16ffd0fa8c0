import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import type { Resolver } from "../lib/address-guard.js";
import type { Sql } from "../store/database.js";

/** What delivery needs of the pipeline's context. */
export interface DeliveryContext {
  db: Sql;
  log: Logger;
  config: Config;
  now: () => Date;
  /** Replaces DNS for webhooks; tests answer with any address this way. */
  resolve?: Resolver;
}
