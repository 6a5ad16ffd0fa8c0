import { setTimeout as sleep } from "node:timers/promises";
import { STAGE_NAMES } from "../stages.js";
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

/** Jobs not yet finished, per stage. */
export async function pendingJobs(queues: StageQueues): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const stage of STAGE_NAMES) {
    const c = await queues
      .queue(stage)
      .getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
    counts[stage] = Object.values(c).reduce((a, b) => a + b, 0);
  }
  return counts;
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
