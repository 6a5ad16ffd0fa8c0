-- An item is known by its GUID (within its feed), else its canonical link, else its text: the
-- article id is made from that identity. One link can carry several items (a feed that links
-- every story to its front page), so the link is no longer unique.
alter table articles drop constraint if exists articles_url_key;
create index if not exists articles_url on articles (url);

-- What the last fetch noticed that an operator should know, though the feed was read: bytes that
-- were not valid in the declared charset, dates that could not be stored or lie in the future,
-- items left for the next pass.
alter table feeds add column notes text;
