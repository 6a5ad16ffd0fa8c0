-- The outbox: what is to be sent to each delivery channel, and what was. A row is keyed by its
-- channel and what it carries (a day's digest, an alert's entity and story), so a digest or an
-- alert is queued once however many processes queue it; it is marked sent only after the
-- channel took it. A sender claims a row (status 'sending' until lease_until) before sending,
-- so two senders never send one row; a sender that dies leaves a lease that runs out.
create table deliveries (
  channel_id text not null,
  key text not null,
  -- Sent as X-Wirewatch-Delivery; a forced resend gets a new one, retries keep it.
  id text not null unique,
  kind text not null check (kind in ('digest', 'alert')),
  -- The message as it will be sent: {subject, text, html} for mail, {body} for a webhook.
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  sent_at timestamptz,
  primary key (channel_id, key)
);
create index deliveries_due on deliveries (next_attempt_at) where status <> 'sent';
