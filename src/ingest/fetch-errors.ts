/**
 * Every way a fetch can fail, each with one decision: retry soon (the fault is passing), back
 * off the feed (the source is sick), or report (it will not fix itself; an operator must act).
 */
export const FETCH_FAILURES = {
  "bad-url": "report",
  "blocked-address": "report",
  dns: "backoff",
  connect: "backoff",
  timeout: "retry",
  "too-large": "report",
  "too-many-redirects": "report",
  "http-client": "report",
  "rate-limited": "backoff",
  "http-server": "retry",
  decode: "report",
  parse: "report",
} as const;

export type FetchFailureReason = keyof typeof FETCH_FAILURES;
export type FetchDecision = (typeof FETCH_FAILURES)[FetchFailureReason];

export class FetchError extends Error {
  readonly decision: FetchDecision;
  constructor(
    readonly reason: FetchFailureReason,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = "FetchError";
    this.decision = FETCH_FAILURES[reason];
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}
