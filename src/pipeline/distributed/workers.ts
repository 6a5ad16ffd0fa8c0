import { hostname } from "node:os";
import { DelayedError, UnrecoverableError, Worker } from "bullmq";
import { asError, errorKind, retryable } from "../../lib/errors.js";
import { isUnreachable } from "../../store/unreachable.js";
import type { Context } from "../context.js";
import { measured } from "../metrics.js";
import { STAGES, type StageName } from "../stages.js";
import { DatabasePause } from "./database-pause.js";
import type { JobData, StageQueues } from "./queues.js";

// A job put back while the database is away is looked at again after this (the workers stay
// paused until the database answers, whatever this says).
const DATABASE_RETRY_MS = 5_000;

/** The translation provider's requests per minute, as a limit shared by every translate worker. */
function providerLimit(ctx: Context, stage: StageName) {
  const { translate } = ctx.config;
  return stage === "translate" && translate.provider === "openai"
    ? { max: translate.requestsPerMinute, per: 60_000 }
    : undefined;
}

export interface WorkerSet {
  /** Stops taking jobs, lets the jobs in hand finish, then closes. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Workers for the given stages: each job runs its stage and adds the jobs that follow. A job
 * that throws is retried with backoff by BullMQ, and kept as failed after its last attempt.
 */
export function startWorkers(
  ctx: Context,
  queues: StageQueues,
  stages: readonly StageName[],
  concurrency: number,
): WorkerSet {
  const { queue } = ctx.config;
  const pause = new DatabasePause(ctx.db, ctx.log, () => workers);
  const workers: Worker<JobData>[] = stages.map((stage) => {
    const limit = queue.limits[stage] ?? providerLimit(ctx, stage);
    const worker = new Worker<JobData>(
      stage,
      async (job, token) => {
        const next = await measured(stage, () => STAGES[stage](job.data.ids, ctx)).catch(
          async (thrown: unknown) => {
            const error = asError(thrown);
            if (isUnreachable(error)) {
              // Not the job's fault: it waits, without spending an attempt, and so do we.
              pause.trigger(error);
              await job.moveToDelayed(Date.now() + DATABASE_RETRY_MS, token);
              throw new DelayedError();
            }
            const kind = errorKind(thrown);
            // Only a passing fault is worth another attempt; `jobs failed` shows the kind.
            if (!retryable(kind)) throw new UnrecoverableError(`${kind}: ${error.message}`);
            throw error;
          },
        );
        await queues.add(next);
        return { next: next.length };
      },
      {
        name: `${hostname()}:${process.pid}`,
        connection: queues.connection,
        prefix: queue.prefix,
        concurrency,
        lockDuration: queue.lockDuration,
        stalledInterval: Math.max(1000, Math.floor(queue.lockDuration / 2)),
        // A job whose worker died is taken back as often as it may be tried, not once.
        maxStalledCount: queue.attempts,
        limiter: limit ? { max: limit.max, duration: limit.per } : undefined,
      },
    );
    worker.on("failed", (job, error) => {
      ctx.log.warn(
        { stage, job: job?.id, ids: job?.data.ids, attempt: job?.attemptsMade, err: error.message },
        "job failed",
      );
    });
    worker.on("error", (error) => ctx.log.error({ stage, err: error.message }, "worker error"));
    worker.on("stalled", (job) =>
      ctx.log.warn({ stage, job }, "stalled job taken back (its worker stopped answering)"),
    );
    return worker;
  });
  ctx.log.info({ stages, concurrency }, "workers started");
  let closing: Promise<void> | undefined;
  return {
    close: () => {
      pause.stop();
      closing ??= Promise.all(workers.map((w) => w.close())).then(() => undefined);
      return closing;
    },
  };
}
