import { STAGE_NAMES, type StageName } from "../stages.js";
import type { StageQueues } from "./queues.js";

export interface QueueCounts {
  stage: StageName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export async function queueCounts(queues: StageQueues): Promise<QueueCounts[]> {
  const rows: QueueCounts[] = [];
  for (const stage of STAGE_NAMES) {
    const c = await queues
      .queue(stage)
      .getJobCounts("waiting", "prioritized", "active", "delayed", "failed", "completed");
    rows.push({
      stage,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    });
  }
  return rows;
}

export interface FailedJob {
  stage: StageName;
  id: string;
  ids: string[];
  attempts: number;
  reason: string;
  failedAt: Date | null;
}

export async function failedJobs(
  queues: StageQueues,
  only?: StageName,
  limit = 100,
): Promise<FailedJob[]> {
  const out: FailedJob[] = [];
  for (const stage of only ? [only] : STAGE_NAMES) {
    for (const job of await queues.queue(stage).getFailed(0, limit - 1)) {
      out.push({
        stage,
        id: job.id ?? "?",
        ids: (job.data as { ids?: string[] }).ids ?? [],
        attempts: job.attemptsMade,
        reason: job.failedReason,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      });
    }
  }
  return out;
}

/** Puts every failed job (of one stage, or of all) back in its queue; returns how many. */
export async function retryFailed(queues: StageQueues, only?: StageName): Promise<number> {
  let count = 0;
  for (const stage of only ? [only] : STAGE_NAMES) {
    const queue = queues.queue(stage);
    count += await queue.getJobCountByTypes("failed");
    await queue.retryJobs({ state: "failed" });
  }
  return count;
}
