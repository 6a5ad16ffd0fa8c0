const MAX_GAP_MS = 24 * 3_600_000;

/**
 * When a failing feed is tried next: its own interval doubled per failure in a row, at most a
 * day, never sooner than the server's Retry-After. It is never given up on.
 */
export function nextAttempt(now: Date, everyMs: number, failures: number, retryAfterMs = 0): Date {
  const gap = Math.min(MAX_GAP_MS, everyMs * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + Math.max(gap, retryAfterMs));
}
