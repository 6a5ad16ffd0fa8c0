-- A translation provider that refused this deployment's key (401, 403): shown by `status`
-- until a request succeeds again.
create table provider_refusals (
  model text primary key,
  error text not null,
  at timestamptz not null default now()
);
