import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import { failedJobs, queueCounts, retryFailed } from "../pipeline/distributed/operations.js";
import { openReader } from "../pipeline/reader.js";
import type { StageName } from "../pipeline/stages.js";
import type { Sql } from "../store/database.js";
import { channelHealth } from "../store/deliveries.js";
import { type FeedHealth, listFeeds } from "../store/feeds.js";
import { StoreLockedError } from "../store/folder-lock.js";
import { refusals } from "../store/translations.js";
import { openQueues } from "./distributed.js";
import { askHolder } from "./holder.js";
import { consoleOutput, type Output } from "./output.js";

/**
 * `wirewatch status`: per queue job counts (with a queue), per feed and per channel health.
 * Reads only: no gazetteer, nothing written.
 */
export async function statusCommand(
  config: Config,
  log: Logger,
  output: Output = consoleOutput,
): Promise<number> {
  const reader = await openReader(config, log).catch(async (error: unknown) => {
    // The embedded store is held by a running process: it answers for it.
    if (!(error instanceof StoreLockedError)) throw error;
    const code = await askHolder(config.store.path, { command: "status" }, output);
    if (code === undefined) throw error;
    return code;
  });
  if (typeof reader === "number") return reader;
  try {
    if (config.queue.redisUrl) {
      const q = openQueues(config, log);
      try {
        output.out("queue     waiting  active  delayed  failed  completed");
        for (const c of await queueCounts(q.queues)) {
          output.out(
            `${c.stage.padEnd(9)} ${pad(c.waiting, 7)} ${pad(c.active, 7)} ${pad(c.delayed, 8)} ${pad(c.failed, 7)} ${pad(c.completed, 10)}`,
          );
        }
        output.out("");
      } finally {
        await q.close();
      }
    }
    await storeStatus(reader.db, config, output);
    return 0;
  } finally {
    await reader.close();
  }
}

/** What the store says of the feeds and the delivery channels. */
export async function storeStatus(db: Sql, config: Config, output: Output): Promise<void> {
  await printFeeds(db, config, output);
  await printChannels(db, config, output);
  for (const r of await refusals(db)) {
    output.out(
      `translation (${r.model}): refused since ${new Date(r.at).toISOString()}: ${r.error}`,
    );
  }
}

/** Each feed of the config, with its health (never polled when the store has not seen it). */
async function printFeeds(db: Sql, config: Config, output: Output): Promise<void> {
  const health = new Map((await listFeeds(db)).map((f) => [f.id, f]));
  for (const { id } of config.feeds) {
    const f = health.get(id);
    if (!f?.lastFetchAt) {
      output.out(`feed ${id}: never polled`);
      continue;
    }
    const last = f.lastSuccessAt ? new Date(f.lastSuccessAt).toISOString() : "never";
    const state = f.lastError
      ? `failing (${f.consecutiveFailures} in a row): ${f.lastErrorReason}: ${f.lastError}`
      : `ok, ${f.itemsLastSeen ?? 0} items${f.repaired ? " (its XML needed repair: tell the publisher)" : ""}${f.notes ? ` (${f.notes})` : ""}`;
    output.out(`feed ${id}: ${state}; last success ${last}; ${nextPoll(f)}`);
  }
}

/** When the feed is polled next, and whether that is a back-off after failures. */
function nextPoll(f: FeedHealth): string {
  if (!f.nextFetchAt) return "next poll at the next pass";
  const at = new Date(f.nextFetchAt).toISOString();
  return f.consecutiveFailures > 0
    ? `backing off: next poll ${at} (after ${f.consecutiveFailures} failures)`
    : `next poll ${at}`;
}

/** Each delivery channel: what it was sent, what waits, and its latest failure with the reason. */
async function printChannels(db: Sql, config: Config, output: Output): Promise<void> {
  const health = new Map((await channelHealth(db)).map((h) => [h.channelId, h]));
  for (const channel of config.delivery.channels) {
    const h = health.get(channel.id);
    const last = h?.lastSentAt ? new Date(h.lastSentAt).toISOString() : "never";
    const counts = `${h?.sent ?? 0} sent, ${h?.waiting ?? 0} waiting, ${h?.failed ?? 0} failing`;
    const failing = h?.failing
      ? `; ${h.failing.key} failed ${h.failing.attempts}× (${h.failing.error}), next try ${new Date(h.failing.nextAttemptAt).toISOString()}`
      : "";
    output.out(`channel ${channel.id} (${channel.type}): ${counts}; last sent ${last}${failing}`);
  }
}

/** `wirewatch jobs failed|retry`. */
export async function jobsCommand(
  config: Config,
  log: Logger,
  action: "failed" | "retry",
  queue?: StageName,
): Promise<void> {
  const d = openQueues(config, log);
  try {
    if (action === "retry") {
      console.log(`${await retryFailed(d.queues, queue)} failed jobs queued again`);
      return;
    }
    const jobs = await failedJobs(d.queues, queue);
    for (const job of jobs) {
      console.log(
        `${job.stage} ${job.id} (${job.attempts} attempts, ids ${job.ids.join(",")}): ${job.reason}`,
      );
    }
    console.log(`${jobs.length} failed jobs`);
  } finally {
    await d.close();
  }
}

const pad = (n: number, width: number) => String(n).padStart(width);
