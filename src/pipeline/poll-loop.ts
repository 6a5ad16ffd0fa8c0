import { setTimeout as sleep } from "node:timers/promises";
import { dayOf, previousDay, zonedTime } from "../digest/day.js";
import type { Context } from "./context.js";
import { runInline } from "./inline.js";
import { runOnce } from "./run-once.js";

const MAX_SLEEP_MS = 60_000;

/**
 * The long-running job: poll each feed when it is due (its interval, or its back-off after
 * failures), and build yesterday's digest once the configured time of day has passed.
 */
export async function pollForever(ctx: Context, signal: AbortSignal): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    let wait: number;
    try {
      await turn(ctx);
      failures = 0;
      wait = await msUntilNextFeed(ctx);
    } catch (error) {
      // A failing query or digest write must not end the monitor: say so, wait, try again.
      failures++;
      wait = Math.min(MAX_SLEEP_MS, 1_000 * 2 ** Math.min(failures, 6));
      ctx.log.error(
        { stage: "poll", err: (error as Error).message, failures, retryInMs: wait },
        "poll loop failed; trying again",
      );
    }
    try {
      await sleep(wait, undefined, { signal });
    } catch {
      // Aborted: fall out of the loop and let the caller close.
    }
  }
}

/** One turn: the feeds that are due, the messages due again, and the digest when its time came. */
async function turn(ctx: Context): Promise<void> {
  const due = await dueFeeds(ctx);
  // A pass retries the messages due again; with no pass, they are retried here.
  if (due.length > 0) await runOnce(ctx, due);
  else await runInline(ctx, [{ stage: "deliver", ids: [] }], 1);
  await digestIfDue(ctx);
}

async function dueFeeds(ctx: Context): Promise<string[]> {
  const rows = await ctx.db.query<{ id: string }>(
    "select id from feeds where next_fetch_at is null or next_fetch_at <= $1",
    [ctx.now().toISOString()],
  );
  const configured = new Set(ctx.config.feeds.map((f) => f.id));
  return rows.map((r) => r.id).filter((id) => configured.has(id));
}

async function msUntilNextFeed(ctx: Context): Promise<number> {
  const rows = await ctx.db.query<{ next: Date | null }>(
    "select min(next_fetch_at) as next from feeds",
  );
  const next = rows[0]?.next;
  const wait = next ? new Date(next).getTime() - ctx.now().getTime() : MAX_SLEEP_MS;
  return Math.max(1_000, Math.min(MAX_SLEEP_MS, wait));
}

async function digestIfDue(ctx: Context): Promise<void> {
  const { timezone, digest } = ctx.config;
  const now = ctx.now();
  const today = dayOf(now, timezone);
  if (now < zonedTime(today, digest.time, timezone)) return;
  const yesterday = previousDay(now, timezone);
  const done = await ctx.db.query("select 1 from digests where day = $1", [yesterday]);
  if (done.length > 0) return;
  await runInline(ctx, [{ stage: "digest", ids: [yesterday] }], 1);
}
