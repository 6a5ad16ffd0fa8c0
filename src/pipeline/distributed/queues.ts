import { createHash } from "node:crypto";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Config } from "../../config/index.js";
import { type Job, STAGE_NAMES, type StageName } from "../stages.js";

export interface JobData {
  ids: string[];
}

const DAY_S = 86_400;

/** Retries with jittered exponential backoff; finished jobs kept for a bounded time. */
export function jobOptions(config: Config): JobsOptions {
  return {
    attempts: config.queue.attempts,
    backoff: { type: "exponential", delay: 1000, jitter: 0.5 },
    // Kept an hour, so the same job added again within it is recognised and not run twice.
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * DAY_S, count: 10_000 },
  };
}

/**
 * A job's id comes from its stage and its ids (plus a run token for polls, which repeat by
 * design), so the same work added twice is one job.
 */
export function jobId(job: Job, run?: string): string {
  const digest = createHash("sha256").update(job.ids.join("\n")).digest("hex").slice(0, 24);
  return [job.stage, digest, run].filter(Boolean).join("-");
}

/** One BullMQ queue per stage; only src/pipeline knows them. */
export class StageQueues {
  readonly queues: Map<StageName, Queue<JobData>>;

  constructor(
    readonly config: Config,
    readonly connection: Redis,
    /** A queue's own errors (Redis gone): heard here, so none surfaces as an unhandled event. */
    onError: (stage: StageName, error: Error) => void = () => undefined,
  ) {
    this.queues = new Map(
      STAGE_NAMES.map((stage) => {
        const queue = new Queue<JobData>(stage, {
          connection,
          prefix: config.queue.prefix,
          defaultJobOptions: jobOptions(config),
        });
        queue.on("error", (error) => onError(stage, error));
        return [stage, queue];
      }),
    );
  }

  queue(stage: StageName): Queue<JobData> {
    const queue = this.queues.get(stage);
    if (!queue) throw new Error(`no queue for stage ${stage}`);
    return queue;
  }

  /**
   * Adds jobs; one already there is left to run once. One that failed for good is queued
   * again: its id comes from its content, so adding it anew would be taken for a duplicate and
   * the work would stay undone until the failed job expired.
   */
  async add(jobs: readonly Job[], run?: string): Promise<void> {
    for (const stage of STAGE_NAMES) {
      const mine = jobs.filter((j) => j.stage === stage);
      if (mine.length === 0) continue;
      const queue = this.queue(stage);
      const added = await queue.addBulk(
        mine.map((job) => ({
          name: stage,
          data: { ids: job.ids },
          opts: { jobId: jobId(job, run) },
        })),
      );
      await Promise.all(
        added.map(async (job) => {
          if (await job.isFailed()) await job.retry("failed");
        }),
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
