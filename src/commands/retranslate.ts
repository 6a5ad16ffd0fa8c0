import type { Config } from "../config/index.js";
import { zonedTime } from "../digest/day.js";
import type { Logger } from "../lib/logger.js";
import { createContext } from "../pipeline/context.js";
import { runInline } from "../pipeline/inline.js";
import { translationBatches } from "../pipeline/stages.js";
import { resetForRetranslation } from "../store/translations.js";
import { openDistributed } from "./distributed.js";

/**
 * `wirewatch retranslate [--since D]`: articles left untranslated (a failure, or no provider at
 * the time) go through translation again: here and now without a queue, as jobs with one.
 */
export async function retranslateCommand(
  config: Config,
  log: Logger,
  since?: string,
): Promise<number> {
  if (config.translate.provider === "none") {
    throw new Error("no translation provider is configured: set translate.provider first");
  }
  const start = since ? zonedTime(since, "00:00", config.timezone) : null;
  if (config.queue.redisUrl) {
    const d = await openDistributed(config, log);
    try {
      const ids = await resetForRetranslation(d.ctx.db, start);
      await d.queues.add(translationBatches(d.ctx, ids), String(Date.now()));
      console.log(`${ids.length} articles queued for translation`);
    } finally {
      await d.close();
    }
    return 0;
  }
  const ctx = await createContext(config, { log });
  try {
    const ids = await resetForRetranslation(ctx.db, start);
    const stats = await runInline(ctx, translationBatches(ctx, ids), config.queue.concurrency);
    const rows = await ctx.db.query<{ status: string; n: number }>(
      `select translation_status as status, count(*)::int as n from articles
       where id in (select jsonb_array_elements_text($1::jsonb)) group by translation_status order by 1`,
      [JSON.stringify(ids)],
    );
    console.log(
      `${ids.length} articles retried: ${rows.map((r) => `${r.n} ${r.status}`).join(", ") || "none"}`,
    );
    return stats.failed.length > 0 ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
