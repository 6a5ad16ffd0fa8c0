-- Full text that could not be had is said, not hidden.
alter table articles add column body_error text;

-- MinHash signature (32 numbers) of the normalised title and summary, and its band keys: two
-- articles that share a band key are candidates for being one story re-published. Eight rows
-- per article: kept lean (no foreign key, no unique index) because every article writes them.
alter table articles add column minhash jsonb;
create table article_bands (
  key integer not null,
  article_id text not null
);
create index article_bands_key on article_bands (key);

-- A feed whose XML had to be repaired (an unescaped &) before it parsed: it works, but its
-- publisher should hear of it.
alter table feeds add column repaired boolean not null default false;
