-- Full text that could not be had is said, not hidden.
alter table articles add column body_error text;

-- SimHash of the normalised title and summary, and its four 16-bit bands: two texts within
-- three bits of each other share at least one band, so a near-duplicate is found by index.
alter table articles add column simhash bigint;
alter table articles add column band0 integer;
alter table articles add column band1 integer;
alter table articles add column band2 integer;
alter table articles add column band3 integer;
create index articles_band0 on articles (language, band0);
create index articles_band1 on articles (language, band1);
create index articles_band2 on articles (language, band2);
create index articles_band3 on articles (language, band3);
