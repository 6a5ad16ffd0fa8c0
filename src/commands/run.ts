import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import { createContext } from "../pipeline/context.js";
import {
  enqueueFeeds,
  failedSince,
  waitUntilIdle,
} from "../pipeline/distributed/run-distributed.js";
import { syncSchedulers } from "../pipeline/distributed/schedulers.js";
import { startWorkers } from "../pipeline/distributed/workers.js";
import type { RunStats } from "../pipeline/inline.js";
import { formatPass } from "../pipeline/pass-report.js";
import { pollForever } from "../pipeline/poll-loop.js";
import { runOnce } from "../pipeline/run-once.js";
import { STAGE_NAMES } from "../pipeline/stages.js";
import { listFeeds } from "../store/feeds.js";
import { openDistributed } from "./distributed.js";
import { answerForStore } from "./holder.js";
import { serveWith } from "./serve.js";
import { untilSignal } from "./signals.js";

/** `wirewatch run`: inline without a queue, on BullMQ with one; `--once` does one pass and exits. */
export async function runCommand(config: Config, log: Logger, once: boolean): Promise<number> {
  return config.queue.redisUrl ? runDistributed(config, log, once) : runInline(config, log, once);
}

async function runInline(config: Config, log: Logger, once: boolean): Promise<number> {
  const ctx = await createContext(config, { log });
  // While this process holds the embedded store, status and digest are asked of it.
  const stopAnswering = await answerForStore(ctx);
  try {
    if (!once) {
      // The embedded store has one owner: the process that runs the pipeline also serves.
      const server = config.serve ? await serveWith(ctx) : undefined;
      const stop = new AbortController();
      void untilSignal().then(() => stop.abort());
      await pollForever(ctx, stop.signal);
      await server?.close();
      return 0;
    }
    const stats = await runOnce(ctx);
    await report(ctx.db, config, stats);
    return stats.failed.length > 0 ? 1 : 0;
  } finally {
    await stopAnswering();
    await ctx.close();
  }
}

async function runDistributed(config: Config, log: Logger, once: boolean): Promise<number> {
  const d = await openDistributed(config, log);
  const workers = startWorkers(d.ctx, d.queues, STAGE_NAMES, config.queue.concurrency);
  try {
    if (!once) {
      await syncSchedulers(d.queues, config);
      const server = config.serve ? await serveWith(d.ctx, d.queues) : undefined;
      await untilSignal();
      await server?.close();
      return 0;
    }
    // Other workers of the deployment may share this pass; it ends when every queue is idle
    // (the schedulers' next runs aside), and counts the jobs that failed for good meanwhile.
    d.ctx.respectBackoff = false;
    const started = Date.now();
    await enqueueFeeds(
      d.queues,
      config.feeds.map((f) => f.id),
    );
    await waitUntilIdle(d.queues);
    const failed = await failedSince(d.queues, started);
    const extracted = await d.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from articles where extracted_at is not null",
    );
    await report(d.ctx.db, config, {
      done: {
        fetch: config.feeds.length,
        extract: extracted[0]?.n ?? 0,
        translate: 0,
        stories: 0,
        digest: 0,
        deliver: 0,
      },
      failed: failed.map((f) => ({ job: { stage: f.stage, ids: f.ids }, error: f.reason })),
    });
    for (const f of failed) console.error(`failed: ${f.stage} job ${f.id}: ${f.reason}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await workers.close();
    await d.close();
  }
}

async function report(
  db: Parameters<typeof listFeeds>[0],
  config: Config,
  stats: RunStats,
): Promise<void> {
  console.log(formatPass(stats, await listFeeds(db), new Set(config.feeds.map((f) => f.id))));
}
