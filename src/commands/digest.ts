import { resolve } from "node:path";
import type { Config } from "../config/index.js";
import { queueDigest } from "../delivery/digest-deliveries.js";
import { deliver } from "../delivery/send.js";
import { type BuiltDigest, buildDigest, type DigestFormat } from "../digest/build.js";
import { dayOf } from "../digest/day.js";
import type { Logger } from "../lib/logger.js";
import { openReader, type Reader } from "../pipeline/reader.js";
import { StoreLockedError } from "../store/folder-lock.js";
import { askHolder } from "./holder.js";
import { consoleOutput, type Output } from "./output.js";

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
  output: Output = consoleOutput,
): Promise<number> {
  const ctx = await openReader(config, log).catch(async (error: unknown) => {
    // The embedded store is held by a running process: it builds the digest for us.
    if (!(error instanceof StoreLockedError)) throw error;
    const out = options.out ? resolve(options.out) : undefined;
    const request = { command: "digest" as const, options: { ...options, out } };
    const code = await askHolder(config.store.path, request, output);
    if (code === undefined) throw error;
    return code;
  });
  if (typeof ctx === "number") return ctx;
  try {
    return await digestWith(ctx, options, output);
  } finally {
    await ctx.close();
  }
}

/** The digest built (and sent) on a store already open: this process's, or the holder's. */
export async function digestWith(
  ctx: Reader,
  options: DigestOptions,
  output: Output,
): Promise<number> {
  const { config } = ctx;
  const formats = options.format ? [options.format] : config.digest.formats;
  if (options.out && formats.length > 1)
    throw new Error("--out needs one --format when the config lists several");
  if ((options.send || options.resend) && config.delivery.channels.length === 0)
    throw new Error("--send needs delivery channels: the config's delivery.channels is empty");
  const day = options.date ?? dayOf(ctx.now(), config.timezone);
  const digest = await buildDigest(ctx.db, config, day, { formats, out: options.out });
  for (const file of digest.files) {
    output.out(`${file.path} (${digest.storyCount} stories, ${digest.articleCount} articles)`);
  }
  if (!options.send && !options.resend) return 0;
  return send(digest, ctx, options.resend === true, output);
}

async function send(
  digest: BuiltDigest,
  ctx: Reader,
  resend: boolean,
  output: Output,
): Promise<number> {
  const rows = await queueDigest(digest.document, ctx, { resend });
  const outcome = await deliver(rows, ctx);
  for (const s of outcome.sent) output.out(`sent to ${s.channelId}`);
  for (const f of outcome.failed) output.err(`failed: ${f.error} (retried by the next pass)`);
  const taken = outcome.skipped.length;
  if (taken > 0) output.out(`${taken} being sent by another process`);
  const channels = ctx.config.delivery.channels.length;
  const already = channels - rows.length;
  if (already > 0)
    output.out(`already sent to ${already} of ${channels} channels (--resend sends it again)`);
  return outcome.failed.length > 0 ? 1 : 0;
}
