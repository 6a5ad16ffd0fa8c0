import type { Channel } from "../config/index.js";
import { asError } from "../lib/errors.js";
import {
  claimDelivery,
  type Delivery,
  dueDeliveries,
  markFailed,
  markSent,
} from "../store/deliveries.js";
import type { DeliveryContext } from "./context.js";
import { sendMail } from "./email.js";
import { redact } from "./redact.js";
import { postWebhook } from "./webhook.js";

export interface DeliveryOutcome {
  sent: { channelId: string; key: string }[];
  /** Rows sent already, or being sent by another process. */
  skipped: string[];
  failed: { channelId: string; key: string; error: string }[];
}

const nothing = (): DeliveryOutcome => ({ sent: [], skipped: [], failed: [] });

// Longer than any attempt can take (three bounded waits of a mail), so a live sender keeps its
// claim; a sender that died frees it after this.
const LEASE_MS = 5 * 60_000;
// Retries wait 30 s, 1 min, 2 min… up to an hour.
const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 3_600_000;
// Channels are sent to side by side, so one slow server does not hold the others.
const AT_ONCE = 4;

export const retryDelay = (attempts: number): number =>
  Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends these outbox rows, each claimed first so no other process sends it too; a row is marked
 * sent only once its channel took it, and a failure is stored with its reason and next try.
 */
export async function deliver(
  ids: readonly string[],
  ctx: DeliveryContext,
): Promise<DeliveryOutcome> {
  const outcome = nothing();
  const channels = new Map(ctx.config.delivery.channels.map((c) => [c.id, c]));
  const todo = [...ids];
  const worker = async () => {
    for (let id = todo.shift(); id !== undefined; id = todo.shift()) {
      await deliverOne(id, channels, ctx, outcome);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return outcome;
}

/** Every row whose next try is due, of the channels in the config. */
export async function deliverDue(ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const channels = ctx.config.delivery.channels.map((c) => c.id);
  if (channels.length === 0) return nothing();
  return deliver(await dueDeliveries(ctx.db, ctx.now(), channels), ctx);
}

async function deliverOne(
  id: string,
  channels: ReadonlyMap<string, Channel>,
  ctx: DeliveryContext,
  outcome: DeliveryOutcome,
): Promise<void> {
  const now = ctx.now();
  const row = await claimDelivery(ctx.db, id, now, new Date(now.getTime() + LEASE_MS));
  if (!row) {
    outcome.skipped.push(id);
    return;
  }
  const channel = channels.get(row.channelId);
  const log = { channel: row.channelId, key: row.key, delivery: row.id, attempt: row.attempts };
  try {
    if (!channel) throw new Error("the channel is no longer in the config");
    await send(channel, row, ctx);
    await markSent(ctx.db, row.id);
    outcome.sent.push({ channelId: row.channelId, key: row.key });
    ctx.log.info({ stage: "deliver", ...log }, "delivered");
  } catch (thrown) {
    const reason = channel ? redact(asError(thrown).message, channel) : asError(thrown).message;
    const error = `channel ${row.channelId}: ${reason}`;
    const retryAt = new Date(ctx.now().getTime() + retryDelay(row.attempts));
    await markFailed(ctx.db, row.id, error, retryAt);
    outcome.failed.push({ channelId: row.channelId, key: row.key, error });
    ctx.log.warn(
      { stage: "deliver", ...log, err: error, retryAt: retryAt.toISOString() },
      "delivery failed",
    );
  }
}

async function send(channel: Channel, row: Delivery, ctx: DeliveryContext): Promise<void> {
  const { payload } = row;
  if (channel.type === "email") {
    await sendMail(
      channel,
      { subject: payload.subject ?? "", text: payload.text ?? "", html: payload.html },
      row.id,
    );
    return;
  }
  const { allowLoopback, allowPrivate } = ctx.config.delivery;
  await postWebhook(
    channel,
    { event: row.kind, deliveryId: row.id, body: payload.body ?? "" },
    { policy: { allowLoopback, allowPrivate, section: "delivery" }, resolve: ctx.resolve },
  );
}
