import { hostname } from "node:os";
import { DelayedError, UnrecoverableError, Worker } from "bullmq";
import { asError, errorKind, retryable } from "../../lib/errors.js";
import { isUnreachable } from "../../store/unreachable.js";
import type { Context } from "../context.js";
import { measured } from "../metrics.js";
import { STAGES, type StageName } from "../stages.js";
import { isRedisFull } from "./connection.js";
import { OutagePause } from "./outage-pause.js";
import type { JobData, StageQueues } from "./queues.js";

// A job put back while the database is away is looked at again after this (the workers stay
// paused until the database answers, whatever this says).
const DATABASE_RETRY_MS = 5_000;

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
  const database = new OutagePause(
    {
      what: "database unreachable",
      back: "database answers again",
      probe: () => ctx.db.query("select 1"),
    },
    ctx.log,
    () => workers,
  );
  const probeKey = `${queue.prefix}:wirewatch:probe`;
  const redisFull = new OutagePause(
    {
      what: "redis full",
      back: "redis has room again",
      probe: () => queues.connection.set(probeKey, "1", "EX", 60),
    },
    ctx.log,
    () => workers,
  );
  const workers: Worker<JobData>[] = stages.map((stage) => {
    // The provider's own limit is held per request, in Redis (see the Translator's limiters).
    const limit = queue.limits[stage];
    const worker = new Worker<JobData>(
      stage,
      async (job, token) => {
        const next = await measured(stage, () => STAGES[stage](job.data.ids, ctx)).catch(
          async (thrown: unknown) => {
            const error = asError(thrown);
            if (isRedisFull(error)) {
              // The job stays active; it is taken back once its lock runs out, after the pause.
              redisFull.trigger(error);
              throw error;
            }
            if (isUnreachable(error)) {
              // Not the job's fault: it waits, without spending an attempt, and so do we.
              database.trigger(error);
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
      if (isRedisFull(error)) return;
      ctx.log.warn(
        { stage, job: job?.id, ids: job?.data.ids, attempt: job?.attemptsMade, err: error.message },
        "job failed",
      );
    });
    worker.on("error", (error) => {
      // Redis out of memory fails every command: said once by the pause, not thousands of times.
      if (isRedisFull(error)) return redisFull.trigger(error);
      ctx.log.error({ stage, err: error.message }, "worker error");
    });
    worker.on("stalled", (job) =>
      ctx.log.warn({ stage, job }, "stalled job taken back (its worker stopped answering)"),
    );
    return worker;
  });
  ctx.log.info({ stages, concurrency }, "workers started");
  let closing: Promise<void> | undefined;
  return {
    close: () => {
      database.stop();
      redisFull.stop();
      closing ??= Promise.all(workers.map((w) => w.close())).then(() => undefined);
      return closing;
    },
  };
}
