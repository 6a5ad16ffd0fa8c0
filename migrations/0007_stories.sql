-- Stories: articles about one event, across languages. The stories stage writes them; a story's
-- id is made from its first article's and never changes. The columns after last_seen_at are
-- summaries of its articles, refreshed whenever an article joins, so a digest reads one row.
alter table stories add column lead_article_id text references articles (id);
alter table stories add column title_language text not null default 'und';
alter table stories add column title_en text;
alter table stories add column article_count integer not null default 0;
alter table stories add column languages jsonb not null default '[]';
alter table stories add column feeds jsonb not null default '[]';
-- [{"id", "count"}], most named first.
alter table stories add column entities jsonb not null default '[]';
alter table stories add column categories jsonb not null default '[]';
alter table stories add column watched boolean not null default false;
-- The model's English summary of what its sources say, and how many sources it was made from.
alter table stories add column summary_en text;
alter table stories add column summary_sources integer not null default 0;
alter table stories add column summary_error text;

-- What each member contributed to the decision, so a later article can be compared with it
-- without reading its text again; `score` is the one it joined with (for a story's first
-- article, the best it did not reach). `seq` orders the placements: a process keeps the window's
-- stories in memory and reads only the placements other processes made since its last.
alter table story_articles add column score real not null default 0;
alter table story_articles add column signals jsonb not null default '{}';
alter table story_articles add column seen_at timestamptz not null default now();
alter table story_articles add column seq bigserial;
create index story_articles_seq on story_articles (seq);
create index story_articles_seen on story_articles (seen_at);
create index stories_last_seen on stories (last_seen_at);
