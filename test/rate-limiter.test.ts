import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/translate/rate-limiter.js";

describe("rate limiter", () => {
  it("lets no more than the limit start in any window, and makes the rest wait their turn", async () => {
    const limiter = new RateLimiter(3, 200);
    const started = Date.now();
    const starts = await Promise.all(
      Array.from({ length: 7 }, () => limiter.take().then(() => Date.now() - started)),
    );
    starts.sort((a, b) => a - b);
    for (let i = 3; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 3] ?? 0)).toBeGreaterThanOrEqual(199);
    expect(starts[2]).toBeLessThan(100);
    expect(starts[6]).toBeGreaterThanOrEqual(399);
  });

  it("counts amounts (tokens), and lets one take larger than the limit through an empty window", async () => {
    const limiter = new RateLimiter(100, 150);
    const started = Date.now();
    await limiter.take(60);
    await limiter.take(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(149);
    await limiter.take(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(299);
  });
});
