import { asError, type ErrorKind, errorKind } from "../lib/errors.js";
import type { Context } from "./context.js";
import { measured } from "./metrics.js";
import { type Job, STAGES, type StageName } from "./stages.js";

export interface RunStats {
  done: Record<StageName, number>;
  failed: { job: Job; error: string; kind?: ErrorKind }[];
}

/**
 * Runs jobs and the jobs they lead to, at most `concurrency` at a time, in one process. A job
 * that throws is logged with its stage and id and counted; the others go on.
 */
export async function runInline(
  ctx: Context,
  initial: readonly Job[],
  concurrency: number,
): Promise<RunStats> {
  const stats: RunStats = {
    done: { fetch: 0, extract: 0, translate: 0, stories: 0, digest: 0, deliver: 0 },
    failed: [],
  };
  const queue: Job[] = [...initial];
  let active = 0;
  return new Promise<RunStats>((resolve) => {
    const pump = () => {
      while (active < concurrency && queue.length > 0) {
        // Later stages first: finish articles in hand before fetching more.
        const job = queue.pop() as Job;
        active++;
        measured(job.stage, () => STAGES[job.stage](job.ids, ctx))
          .then((next) => {
            stats.done[job.stage] += job.ids.length;
            queue.push(...next);
          })
          .catch((thrown: unknown) => {
            const error = asError(thrown);
            const kind = errorKind(thrown);
            stats.failed.push({ job, error: error.message, kind });
            ctx.log.error(
              { stage: job.stage, ids: job.ids, kind, err: error.message },
              "job failed",
            );
          })
          .finally(() => {
            active--;
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolve(stats);
    };
    pump();
  });
}
