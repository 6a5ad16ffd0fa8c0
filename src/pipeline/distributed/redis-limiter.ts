import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Limiter } from "../../translate/rate-limiter.js";

// A sliding-window log in one sorted set: each take is a member "<uuid>:<amount>" scored by
// Redis's own clock, so every process of a deployment counts against one window. Returns 0
// when the take fits, else how many ms until the oldest take leaves the window.
const SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local amount = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do
  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
end
if used == 0 or used + amount <= limit then
  redis.call('ZADD', key, now, ARGV[4] .. ':' .. amount)
  redis.call('PEXPIRE', key, window)
  return 0
end
return tonumber(entries[2]) + window - now + 1
`;

/**
 * At most `limit` units started in any window, across every process that shares the key: the
 * provider's limit holds for a whole deployment, every attempt counted.
 */
export class RedisRateLimiter implements Limiter {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly limit: number,
    // As the in-process limiter: a second's margin for the jitter between here and the provider.
    private readonly windowMs = 61_000,
  ) {}

  take(amount = 1): Promise<void> {
    const turn = this.queue.then(() => this.wait(amount));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(amount: number): Promise<void> {
    for (;;) {
      const ms = Number(
        await this.redis.eval(SCRIPT, 1, this.key, this.limit, this.windowMs, amount, randomUUID()),
      );
      if (ms <= 0) return;
      await sleep(ms);
    }
  }
}
