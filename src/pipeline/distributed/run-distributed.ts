import { setTimeout as sleep } from "node:timers/promises";
import { STAGE_NAMES, type StageName } from "../stages.js";
import type { StageQueues } from "./queues.js";

/** Adds one poll of each feed, tagged with a run token so it is not mistaken for an earlier one. */
export async function enqueueFeeds(
  queues: StageQueues,
  feedIds: readonly string[],
  run = String(Date.now()),
): Promise<void> {
  await queues.add(
    feedIds.map((id) => ({ stage: "fetch" as const, ids: [id] })),
    run,
  );
}

// A job scheduler keeps its next run waiting as a delayed job with an id of this form: that is
// the schedule, not work left.
const SCHEDULED = /^repeat:/;

/** Jobs not yet finished, per stage; a scheduler's next run does not count. */
export async function pendingJobs(queues: StageQueues): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const stage of STAGE_NAMES) {
    const queue = queues.queue(stage);
    const { delayed = 0, ...rest } = await queue.getJobCounts(
      "waiting",
      "active",
      "delayed",
      "prioritized",
      "waiting-children",
    );
    const retries =
      delayed === 0
        ? 0
        : (await queue.getDelayed(0, -1)).filter((j) => !SCHEDULED.test(j.id ?? "")).length;
    counts[stage] = Object.values(rest).reduce((a, b) => a + b, 0) + retries;
  }
  return counts;
}

/** Jobs that failed for good (no attempt left) since `since` (ms), of every stage. */
export async function failedSince(
  queues: StageQueues,
  since: number,
): Promise<{ stage: StageName; id: string; ids: string[]; reason: string }[]> {
  const out: { stage: StageName; id: string; ids: string[]; reason: string }[] = [];
  for (const stage of STAGE_NAMES) {
    for (const job of await queues.queue(stage).getFailed(0, -1)) {
      if ((job.finishedOn ?? 0) < since) continue;
      out.push({ stage, id: job.id ?? "?", ids: job.data.ids, reason: job.failedReason });
    }
  }
  return out;
}

/** Resolves once no stage has work left, seen twice in a row (a job in flight adds the next). */
export async function waitUntilIdle(
  queues: StageQueues,
  signal?: AbortSignal,
  pollMs = 200,
): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    signal?.throwIfAborted();
    const pending = Object.values(await pendingJobs(queues)).reduce((a, b) => a + b, 0);
    quiet = pending === 0 ? quiet + 1 : 0;
    if (quiet < 2) await sleep(pollMs);
  }
}
