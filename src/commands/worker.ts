import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import { syncSchedulers } from "../pipeline/distributed/schedulers.js";
import { startWorkers } from "../pipeline/distributed/workers.js";
import type { StageName } from "../pipeline/stages.js";
import { openDistributed } from "./distributed.js";
import { untilSignal } from "./signals.js";

/**
 * `wirewatch worker`: takes jobs of the given stages until SIGTERM or SIGINT, then stops taking
 * jobs, finishes the ones in hand, and closes its connections, workers first.
 */
export async function workerCommand(
  config: Config,
  log: Logger,
  stages: StageName[],
  options: { concurrency: number; schedulers: boolean },
): Promise<void> {
  const d = await openDistributed(config, log);
  const workers = startWorkers(d.ctx, d.queues, stages, options.concurrency);
  try {
    if (options.schedulers) await syncSchedulers(d.queues, config);
    const signal = await untilSignal();
    log.info({ signal }, "shutting down: finishing the jobs in hand");
  } finally {
    await workers.close();
    await d.close();
    log.info("worker stopped");
  }
}
