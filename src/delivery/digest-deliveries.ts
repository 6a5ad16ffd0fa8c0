import type { DigestDocument } from "../digest/document.js";
import { queueDeliveries, unsentDeliveries } from "../store/deliveries.js";
import type { DeliveryContext } from "./context.js";
import { digestFor } from "./filter.js";
import { digestPayload } from "./messages.js";

export const digestKey = (day: string) => `digest:${day}`;

/**
 * Queues a day's digest for every channel, each with the stories its filter lets through; a
 * channel that has it queued or sent already is left alone unless `resend`. Returns the outbox
 * rows of that digest not sent yet (queued now or by an earlier try that failed).
 */
export async function queueDigest(
  doc: DigestDocument,
  ctx: DeliveryContext,
  options: { resend?: boolean } = {},
): Promise<string[]> {
  const { channels } = ctx.config.delivery;
  if (channels.length === 0) return [];
  await queueDeliveries(
    ctx.db,
    channels.map((channel) => ({
      channelId: channel.id,
      key: digestKey(doc.day),
      kind: "digest" as const,
      payload: digestPayload(channel, digestFor(doc, channel.filter)),
    })),
    options,
  );
  return unsentDeliveries(ctx.db, [digestKey(doc.day)]);
}
