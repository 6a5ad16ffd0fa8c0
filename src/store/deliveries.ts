import { randomUUID } from "node:crypto";
import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export type DeliveryKind = "digest" | "alert";

/** A message as it goes out: a mail's parts, or a webhook's raw body. */
export interface Payload {
  subject?: string;
  text?: string;
  html?: string;
  body?: string;
}

export interface NewDelivery {
  channelId: string;
  /** What is sent: `digest:YYYY-MM-DD`, `alert:<entity>:<story>`. */
  key: string;
  kind: DeliveryKind;
  payload: Payload;
}

export interface Delivery extends NewDelivery {
  id: string;
  attempts: number;
}

/**
 * Queues messages, each once per channel and key: a key already queued (sent or not) is left as
 * it is, unless `resend`, which queues it again under a new delivery id. Returns the ids of the
 * rows queued now.
 */
export async function queueDeliveries(
  db: Sql,
  rows: readonly NewDelivery[],
  options: { resend?: boolean } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const onConflict = options.resend
    ? `do update set id = excluded.id, payload = excluded.payload, status = 'pending', attempts = 0,
         last_error = null, next_attempt_at = now(), lease_until = null, sent_at = null`
    : "do nothing";
  const queued = await db.query<{ id: string }>(
    `insert into deliveries (channel_id, key, id, kind, payload)
     select x.channel_id, x.key, x.id, x.kind, x.payload
     from jsonb_to_recordset($1::jsonb) as x(channel_id text, key text, id text, kind text, payload jsonb)
     on conflict (channel_id, key) ${onConflict}
     returning id`,
    [
      asJson(
        rows.map((r) => ({
          channel_id: r.channelId,
          key: r.key,
          id: randomUUID(),
          kind: r.kind,
          payload: r.payload,
        })),
      ),
    ],
  );
  return queued.map((r) => r.id);
}

/**
 * Rows of these channels not sent whose next attempt is due (and not held by a live sender),
 * oldest first.
 */
export async function dueDeliveries(
  db: Sql,
  now: Date,
  channelIds: readonly string[],
  limit = 500,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from deliveries
     where status <> 'sent' and next_attempt_at <= $1
       and (status <> 'sending' or lease_until < $1)
       and channel_id in (select jsonb_array_elements_text($3::jsonb))
     order by next_attempt_at, id limit $2`,
    [now.toISOString(), limit, asJson(channelIds)],
  );
  return rows.map((r) => r.id);
}

/** The rows of these keys not sent yet, whatever their next attempt: an operator's `--send`. */
export async function unsentDeliveries(db: Sql, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `select id from deliveries where status <> 'sent'
       and key in (select jsonb_array_elements_text($1::jsonb)) order by channel_id`,
    [asJson(keys)],
  );
  return rows.map((r) => r.id);
}

/**
 * Takes a row for sending until `leaseUntil`, or returns undefined when it is sent or another
 * sender holds it. On PostgreSQL a second sender's update waits for the first's and then finds
 * the row taken: one row, one send.
 */
export async function claimDelivery(
  db: Sql,
  id: string,
  now: Date,
  leaseUntil: Date,
): Promise<Delivery | undefined> {
  const rows = await db.query<Delivery>(
    `update deliveries set status = 'sending', attempts = attempts + 1, lease_until = $3
     where id = $1 and (status in ('pending', 'failed') or (status = 'sending' and lease_until < $2))
     returning id, channel_id as "channelId", key, kind, payload, attempts`,
    [id, now.toISOString(), leaseUntil.toISOString()],
  );
  return rows[0];
}

export async function markSent(db: Sql, id: string): Promise<void> {
  await db.query(
    `update deliveries set status = 'sent', sent_at = now(), last_error = null, lease_until = null
     where id = $1`,
    [id],
  );
}

export async function markFailed(db: Sql, id: string, error: string, retryAt: Date): Promise<void> {
  await db.query(
    `update deliveries set status = 'failed', last_error = $2, next_attempt_at = $3, lease_until = null
     where id = $1`,
    [id, error, retryAt.toISOString()],
  );
}

export interface ChannelHealth {
  channelId: string;
  sent: number;
  waiting: number;
  failed: number;
  lastSentAt: Date | null;
  /** The latest failure not yet made good: its key, reason, attempts and next try. */
  failing: { key: string; error: string; attempts: number; nextAttemptAt: Date } | null;
}

/** Per channel: what was sent, what waits, and the latest failure, for `status`. */
export async function channelHealth(db: Sql): Promise<ChannelHealth[]> {
  return db.query<ChannelHealth>(
    `select channel_id as "channelId",
       count(*) filter (where status = 'sent')::int as sent,
       count(*) filter (where status in ('pending', 'sending'))::int as waiting,
       count(*) filter (where status = 'failed')::int as failed,
       max(sent_at) as "lastSentAt",
       (select jsonb_build_object('key', f.key, 'error', f.last_error, 'attempts', f.attempts,
                                  'nextAttemptAt', f.next_attempt_at)
        from deliveries f where f.channel_id = d.channel_id and f.status = 'failed'
        order by f.next_attempt_at desc limit 1) as failing
     from deliveries d group by channel_id order by channel_id`,
  );
}
