import { setTimeout as sleep } from "node:timers/promises";

/** Waits until `amount` units (requests, or tokens) may start; the limit is its own. */
export interface Limiter {
  take(amount?: number): Promise<void>;
}

/**
 * At most `limit` units (requests, or tokens) started in any window of `windowMs`: a caller
 * waits for its turn rather than being refused, so a burst is spread out and the provider's
 * limit is never crossed. A single take larger than the limit waits for an empty window.
 */
export class RateLimiter implements Limiter {
  private readonly taken: { at: number; amount: number }[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    // Requests reach the provider a little after they start here; a second's margin keeps that
    // jitter from putting one more into the provider's window than it allows.
    private readonly marginMs = windowMs >= 10_000 ? 1000 : 0,
  ) {}

  take(amount = 1): Promise<void> {
    const turn = this.queue.then(() => this.wait(amount));
    this.queue = turn;
    return turn;
  }

  private async wait(amount: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      const span = this.windowMs + this.marginMs;
      while (this.taken.length > 0 && (this.taken[0]?.at ?? 0) <= now - span) this.taken.shift();
      const used = this.taken.reduce((sum, t) => sum + t.amount, 0);
      if (this.taken.length === 0 || used + amount <= this.limit) {
        this.taken.push({ at: now, amount });
        return;
      }
      await sleep((this.taken[0]?.at ?? now) + span - now + 1);
    }
  }
}
