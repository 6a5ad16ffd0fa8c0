import { setTimeout as sleep } from "node:timers/promises";

/**
 * At most `limit` starts in any window of `windowMs`: a caller waits for its turn rather than
 * being refused, so a burst is spread out and the provider's limit is never crossed.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs)
        this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      await sleep((this.starts[0] ?? now) + this.windowMs - now + 1);
    }
  }
}
