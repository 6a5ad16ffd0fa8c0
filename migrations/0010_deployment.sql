-- This database's identity. A deployment's queues (in Redis, under its queue prefix) are bound
-- to the database that made them: a worker pointed at another database with the same prefix
-- is refused, instead of taking the jobs and writing them into the wrong store.
create table deployment (
  id text primary key,
  created_at timestamptz not null default now()
);
insert into deployment (id) values (gen_random_uuid()::text);
