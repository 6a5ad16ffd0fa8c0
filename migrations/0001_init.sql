-- wirewatch schema, version 1. Append-only: change the schema in a new numbered file.

-- One row per configured feed, with the state its fetcher keeps between polls.
create table feeds (
  id text primary key,
  url text not null,
  language_hint text,
  etag text,
  last_modified text,
  last_fetch_at timestamptz,
  last_success_at timestamptz,
  last_status integer,
  last_error text,
  last_error_reason text,
  consecutive_failures integer not null default 0,
  items_last_seen integer,
  format text,
  encoding text,
  next_fetch_at timestamptz
);

-- One row per article, whatever its language; id is derived from the canonical URL.
create table articles (
  id text primary key,
  feed_id text not null references feeds (id),
  url text not null unique,
  content_hash text not null unique,
  title text not null,
  summary text not null default '',
  body text,
  author text,
  published_at timestamptz,
  fetched_at timestamptz not null,
  declared_language text,
  language text not null default 'und',
  language_confidence real not null default 0,
  title_en text,
  summary_en text,
  -- pending: not tried yet; none: no provider configured; done; failed (see translation_error)
  translation_status text not null default 'pending',
  translation_error text,
  extracted_at timestamptz,
  duplicate_of text references articles (id)
);
create index articles_fetched_at on articles (fetched_at);
create index articles_pending_extract on articles (fetched_at) where extracted_at is null;

-- Things that can be named: watchlist items, countries, places.
create table entities (
  id text primary key,
  type text not null check (type in ('place', 'group', 'person', 'org')),
  name text not null,
  country text,
  latitude double precision,
  longitude double precision,
  watched boolean not null default false,
  alert boolean not null default false
);

-- Where an article names an entity; offsets are UTF-16 positions in the field's original text.
create table mentions (
  article_id text not null references articles (id) on delete cascade,
  entity_id text not null references entities (id),
  field text not null check (field in ('title', 'summary', 'body')),
  start_offset integer not null,
  end_offset integer not null,
  surface text not null,
  method text not null check (method in ('gazetteer', 'llm')),
  confidence real not null,
  primary key (article_id, entity_id, field, start_offset, method)
);
create index mentions_entity on mentions (entity_id);

-- Articles about one event, across languages.
create table stories (
  id text primary key,
  title text not null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null
);
create table story_articles (
  story_id text not null references stories (id) on delete cascade,
  article_id text not null unique references articles (id) on delete cascade,
  primary key (story_id, article_id)
);

-- Every digest built, as it was rendered.
create table digests (
  day date not null,
  format text not null,
  built_at timestamptz not null,
  article_count integer not null,
  content text not null,
  primary key (day, format)
);
