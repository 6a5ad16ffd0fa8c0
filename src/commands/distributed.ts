import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import { type Context, type ContextOptions, createContext } from "../pipeline/context.js";
import { bindQueues } from "../pipeline/distributed/binding.js";
import { connectRedis, isRedisFull } from "../pipeline/distributed/connection.js";
import { StageQueues } from "../pipeline/distributed/queues.js";
import { RedisRateLimiter } from "../pipeline/distributed/redis-limiter.js";
import { isUnreachable } from "../store/unreachable.js";

export interface Distributed {
  ctx: Context;
  queues: StageQueues;
  /** Queues, Redis and the store, in that order; the caller closes its workers first. */
  close(): Promise<void>;
}

/** The store and the queues for a process of a distributed deployment. */
export async function openDistributed(config: Config, log: Logger): Promise<Distributed> {
  const q = openQueues(config, log);
  // The provider's limits hold for the whole deployment: one window in Redis per model.
  const limiters = (name: "requests" | "tokens", limit: number) =>
    new RedisRateLimiter(
      q.queues.connection,
      `${config.queue.prefix}:wirewatch:limit:${config.translate.provider === "openai" ? config.translate.model : "none"}:${name}`,
      limit,
    );
  const ctx = await contextOnceReachable(config, log, limiters).catch(async (error: unknown) => {
    await q.close();
    throw error;
  });
  try {
    await bindQueues(q.queues.connection, config.queue.prefix, ctx.db);
  } catch (error) {
    await q.close();
    await ctx.close();
    throw error;
  }
  ctx.respectBackoff = true;
  return {
    ctx,
    queues: q.queues,
    async close() {
      await q.close();
      await ctx.close();
    },
  };
}

const WAIT_MS = 2_000;

/** A process started while the database is down waits for it, and says so, rather than exit. */
async function contextOnceReachable(
  config: Config,
  log: Logger,
  limiters: ContextOptions["limiters"],
): Promise<Context> {
  for (let tries = 0; ; tries++) {
    try {
      return await createContext(config, { log, limiters });
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      // Said at once, then every minute or so.
      if (tries % 30 === 0)
        log.warn({ err: (error as Error).message }, "database unreachable: waiting for it");
      await sleep(WAIT_MS);
    }
  }
}

/** The queues alone, for commands that only look at them (jobs failed, jobs retry). */
export function openQueues(
  config: Config,
  log: Logger,
): { queues: StageQueues; close(): Promise<void> } {
  const url = config.queue.redisUrl;
  if (!url)
    throw new Error("this command needs a queue: set REDIS_URL or queue.redisUrl in the config");
  const redis = connectRedis(
    url,
    (error) => log.warn({ err: error.message }, "redis connection problem"),
    () => log.info("redis connection restored"),
  );
  // Redis out of memory fails every command: said every ten seconds at most.
  let fullSaid = 0;
  const queues = new StageQueues(config, redis, (stage, error) => {
    if (isRedisFull(error)) {
      if (Date.now() - fullSaid < 10_000) return;
      fullSaid = Date.now();
    }
    log.warn({ stage, err: error.message }, "queue error");
  });
  return {
    queues,
    async close() {
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
