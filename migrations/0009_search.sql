-- Full-text search over each article's title, summary, lead and English text, in every
-- language: the lexemes are the extractor's match keys (Arabic with its clitics and article
-- taken off, Persian letters folded to Arabic ones, Russian words with their case ending off,
-- Latin letters without accents or elision), made in JavaScript and stored with the 'simple'
-- configuration, which leaves them as they are. Written at extraction and again after
-- translation; an article extracted before this column existed is extracted again by the next
-- pass (it is found by the partial index below).
alter table articles add column search tsvector;
create index articles_search on articles using gin (search);
create index articles_unsearched on articles (fetched_at) where search is null;
-- Newest first with a cursor (fetched_at, id), and oldest first for the pipeline: one index
-- read either way serves both, in place of the one on fetched_at alone.
drop index articles_fetched_at;
create index articles_fetched_at on articles (fetched_at, id);
