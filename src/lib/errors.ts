/** Anything thrown, as an Error; so a bad job can never break the loop that runs it. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown });
}

/**
 * Every way a stage's job can fail, each with one decision for both runners:
 *   transient  the fault is passing (a connection, a timeout, a busy provider): retry later
 *   not-found  what the job names is not there (an article, a feed): retrying will not help
 *   config     the config must change first (a bad key, a channel refused): an operator acts
 *   permanent  this job's input will never pass: keep it as failed with its reason
 */
export const ERROR_KINDS = ["transient", "not-found", "config", "permanent"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A stage's failure with its kind, so the runners act on the kind, not on the message. */
export class StageError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StageError";
  }
}

/** The kind of anything thrown: a StageError says; anything else may pass, and is retried. */
export function errorKind(thrown: unknown): ErrorKind {
  return thrown instanceof StageError ? thrown.kind : "transient";
}

/** Whether retrying can help: only a transient fault passes by itself. */
export const retryable = (kind: ErrorKind): boolean => kind === "transient";
