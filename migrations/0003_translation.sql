-- What the model returned for a text, so the same text is never paid for twice, across feeds
-- and restarts. The key is the hash of model, prompt version and text.
create table translations (
  key text primary key,
  model text not null,
  prompt_version integer not null,
  title_en text not null,
  created_at timestamptz not null default now()
);

-- Tokens spent, per article and per day.
alter table articles add column tokens integer not null default 0;
create table token_usage (
  day date not null,
  model text not null,
  requests integer not null default 0,
  prompt_tokens integer not null default 0,
  completion_tokens integer not null default 0,
  primary key (day, model)
);
create index articles_translation_pending on articles (fetched_at) where translation_status in ('pending', 'failed');
