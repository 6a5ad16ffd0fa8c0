-- The operator's categories each article falls in, written by the extract stage with the
-- gazetteer's mentions; a category is known by its id in the config.
create table article_categories (
  article_id text not null references articles (id) on delete cascade,
  category_id text not null,
  primary key (article_id, category_id)
);

create index article_categories_by_category on article_categories (category_id);
