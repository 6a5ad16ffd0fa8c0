-- The full tier's answers, so an article re-published word for word is not paid for twice. The
-- key is the hash of model, prompt version, body setting and the article's text.
create table full_translations (
  key text primary key,
  model text not null,
  prompt_version integer not null,
  answer jsonb not null,
  created_at timestamptz not null default now()
);
