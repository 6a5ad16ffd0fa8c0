-- The full tier: an English body (as much as triage.body says) and whether the article had it.
alter table articles add column body_en text;
-- null: not chosen for the full tier; done; failed (see full_error).
alter table articles add column full_status text;
alter table articles add column full_error text;
-- A mention the model reported whose surface form is not found verbatim in the original text
-- has offsets -1, -1: the article names the entity, the place in it is unknown.
