import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../src/pipeline/distributed/redis-limiter.js";
import { REDIS_URL } from "./helpers/redis.js";

/** The most grants in any window of `ms`, from their times. */
function busiest(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (let j = i; j < sorted.length && (sorted[j] ?? 0) - (sorted[i] ?? 0) < ms; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}

describe("the provider's limit, shared in Redis", () => {
  // Two connections, as two worker processes have.
  const a = new Redis(REDIS_URL);
  const b = new Redis(REDIS_URL);
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  it("lets no more than the limit start in any window, whichever process asks", async () => {
    const key = `ww${randomBytes(4).toString("hex")}:limit`;
    // As in production (61 s for a limit per minute), the window carries a margin over the
    // provider's: the times seen here lag Redis's grants by however busy this process is.
    const limiters = [new RedisRateLimiter(a, key, 5, 1100), new RedisRateLimiter(b, key, 5, 1100)];
    const granted: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiters[i % 2]?.take().then(() => granted.push(Date.now())),
      ),
    );
    expect(granted).toHaveLength(20);
    expect(busiest(granted, 1000)).toBeLessThanOrEqual(5);
    // Twenty at five a second: three more windows after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it("counts amounts (tokens), not takes", async () => {
    const key = `ww${randomBytes(4).toString("hex")}:tokens`;
    const one = new RedisRateLimiter(a, key, 100, 800);
    const other = new RedisRateLimiter(b, key, 100, 800);
    const started = Date.now();
    await one.take(70);
    await other.take(70);
    // The second did not fit beside the first: it waited for the window to pass.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });
});
