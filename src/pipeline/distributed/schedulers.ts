import type { Config } from "../../config/index.js";
import type { StageQueues } from "./queues.js";

const FEED_PREFIX = "feed:";
const DAILY_DIGEST = "digest:daily";
const DELIVERY_SWEEP = "deliver:due";
// How often a deployment looks for messages whose next try is due (their back-off is per row).
const SWEEP_EVERY_MS = 60_000;

/**
 * Makes the BullMQ job schedulers match the config: one poll per feed at its interval, one
 * digest a day at the configured time in the configured zone, and with delivery channels a
 * look each minute for messages due again. A feed removed from the config loses its schedule.
 * Safe to run from every worker at start.
 */
export async function syncSchedulers(queues: StageQueues, config: Config): Promise<void> {
  const fetch = queues.queue("fetch");
  const wanted = new Set(config.feeds.map((f) => `${FEED_PREFIX}${f.id}`));
  for (const scheduler of await fetch.getJobSchedulers(0, -1)) {
    if (!wanted.has(scheduler.key)) await fetch.removeJobScheduler(scheduler.key);
  }
  for (const feed of config.feeds) {
    await fetch.upsertJobScheduler(
      `${FEED_PREFIX}${feed.id}`,
      { every: feed.every },
      { name: "fetch", data: { ids: [feed.id] } },
    );
  }
  const [hours, minutes] = config.digest.time.split(":").map(Number);
  await queues
    .queue("digest")
    .upsertJobScheduler(
      DAILY_DIGEST,
      { pattern: `0 ${minutes} ${hours} * * *`, tz: config.timezone },
      { name: "digest", data: { ids: [] } },
    );
  const deliver = queues.queue("deliver");
  if (config.delivery.channels.length === 0) await deliver.removeJobScheduler(DELIVERY_SWEEP);
  else
    await deliver.upsertJobScheduler(
      DELIVERY_SWEEP,
      { every: SWEEP_EVERY_MS },
      { name: "deliver", data: { ids: [] } },
    );
}
