import { Redis } from "ioredis";

/**
 * A Redis connection for BullMQ. Commands wait out a Redis restart instead of failing
 * (maxRetriesPerRequest: null, as BullMQ requires for workers), and ioredis reconnects by
 * itself; `onError` hears each failed attempt so it can be logged, not thrown.
 */
export function connectRedis(
  url: string,
  onError: (error: Error) => void,
  onRestored?: () => void,
): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  let failing = false;
  redis.on("error", (error) => {
    failing = true;
    onError(error);
  });
  redis.on("ready", () => {
    if (failing) onRestored?.();
    failing = false;
  });
  return redis;
}

/** Redis at its maxmemory with noeviction: it refuses every write until memory is freed. */
export const isRedisFull = (error: unknown): boolean =>
  error instanceof Error && /OOM command not allowed/.test(error.message);
