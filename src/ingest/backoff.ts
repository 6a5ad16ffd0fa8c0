const MAX_GAP_MS = 24 * 3_600_000;

/**
 * When a failing feed is tried next: its own interval doubled per failure in a row, at most a
 * day, never sooner than the server's Retry-After, itself held to a day (a server asking for
 * years would silence the feed). It is never given up on.
 */
export function nextAttempt(now: Date, everyMs: number, failures: number, retryAfterMs = 0): Date {
  const gap = Math.min(MAX_GAP_MS, everyMs * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + Math.min(MAX_GAP_MS, Math.max(gap, retryAfterMs)));
}
