import type { Config } from "../config/index.js";
import { queueDigest } from "../delivery/digest-deliveries.js";
import { deliver } from "../delivery/send.js";
import { type BuiltDigest, buildDigest, type DigestFormat } from "../digest/build.js";
import { dayOf } from "../digest/day.js";
import type { Logger } from "../lib/logger.js";
import { openReader, type Reader } from "../pipeline/reader.js";

export interface DigestOptions {
  date?: string;
  format?: DigestFormat;
  out?: string;
  /** Deliver it to every channel that has not had it. */
  send?: boolean;
  /** Deliver it to every channel, again. */
  resend?: boolean;
}

/**
 * `wirewatch digest`: builds one day's digest and, with --send, delivers it. Exits non-zero when
 * a channel failed (the failure is kept and retried by the next pass).
 */
export async function digestCommand(
  config: Config,
  log: Logger,
  options: DigestOptions,
): Promise<number> {
  const formats = options.format ? [options.format] : config.digest.formats;
  if (options.out && formats.length > 1)
    throw new Error("--out needs one --format when the config lists several");
  if ((options.send || options.resend) && config.delivery.channels.length === 0)
    throw new Error("--send needs delivery channels: the config's delivery.channels is empty");
  const ctx = await openReader(config, log);
  try {
    const day = options.date ?? dayOf(ctx.now(), config.timezone);
    const digest = await buildDigest(ctx.db, config, day, { formats, out: options.out });
    for (const file of digest.files) {
      console.log(`${file.path} (${digest.storyCount} stories, ${digest.articleCount} articles)`);
    }
    if (!options.send && !options.resend) return 0;
    return await send(digest, ctx, options.resend === true);
  } finally {
    await ctx.close();
  }
}

async function send(digest: BuiltDigest, ctx: Reader, resend: boolean): Promise<number> {
  const rows = await queueDigest(digest.document, ctx, { resend });
  const outcome = await deliver(rows, ctx);
  for (const s of outcome.sent) console.log(`sent to ${s.channelId}`);
  for (const f of outcome.failed) console.error(`failed: ${f.error} (retried by the next pass)`);
  const taken = outcome.skipped.length;
  if (taken > 0) console.log(`${taken} being sent by another process`);
  const channels = ctx.config.delivery.channels.length;
  const already = channels - rows.length;
  if (already > 0)
    console.log(`already sent to ${already} of ${channels} channels (--resend sends it again)`);
  return outcome.failed.length > 0 ? 1 : 0;
}
